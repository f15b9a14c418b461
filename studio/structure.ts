import { ActivityIcon } from '@sanity/icons/Activity'
import { CalendarIcon } from '@sanity/icons/Calendar'
import { ClockIcon } from '@sanity/icons/Clock'
import { ComposeIcon } from '@sanity/icons/Compose'
import { DocumentsIcon } from '@sanity/icons/Documents'
import { DocumentTextIcon } from '@sanity/icons/DocumentText'
import { EarthGlobeIcon } from '@sanity/icons/EarthGlobe'
import { EditIcon } from '@sanity/icons/Edit'
import { PlayIcon } from '@sanity/icons/Play'
import { PublishIcon } from '@sanity/icons/Publish'
import { UserIcon } from '@sanity/icons/User'
import { UsersIcon } from '@sanity/icons/Users'
import { WarningOutlineIcon } from '@sanity/icons/WarningOutline'
import type { StructureBuilder, StructureResolver } from 'sanity/structure'
import { STATUS_GROUPS, STUDIO_API_VERSION } from '../schemas/constants.ts'
import { showsInStatusGroupFilter } from '../schemas/currentStatus.ts'
import { SHOW_CHILD_TEMPLATE_IDS } from './templates.ts'

/** GROQ filters for the Articles views. `now()` is evaluated by the Content Lake. */
export const ARTICLE_FILTERS = {
  drafts: '_type == "article" && _id in path("drafts.**")',
  scheduled: '_type == "article" && !(_id in path("drafts.**")) && publishedAt > now()',
  published: '_type == "article" && !(_id in path("drafts.**")) && publishedAt <= now()',
} as const

/** Filters for the lists a show opens to; `$showId` is the show's published id. */
export const SHOW_CHILD_FILTERS = {
  season: '_type == "season" && show._ref == $showId',
  castCredit: '_type == "castCredit" && show._ref == $showId',
  statusEvent: '_type == "statusEvent" && show._ref == $showId',
  article: '_type == "article" && show._ref == $showId',
} as const

const statusGroupIcons = {
  renewed: PublishIcon,
  airing: PlayIcon,
  cancelled: WarningOutlineIcon,
  ended: ClockIcon,
  other: DocumentsIcon,
} as const

/** The pane a show opens to: the show itself, then its seasons, cast, status history and articles. */
export function showChild(S: StructureBuilder, showId: string) {
  const params = { showId }
  return S.list()
    .id(`show-${showId}`)
    .title('Show')
    .items([
      S.listItem()
        .id('edit')
        .title('Show details')
        .icon(EditIcon)
        .child(S.document().schemaType('show').documentId(showId)),
      S.divider(),
      S.listItem()
        .id('statusEvents')
        .title('Status history')
        .icon(ActivityIcon)
        .child(
          S.documentList()
            .id(`statusEvents-${showId}`)
            .title('Status history')
            .schemaType('statusEvent')
            .apiVersion(STUDIO_API_VERSION)
            .filter(SHOW_CHILD_FILTERS.statusEvent)
            .params(params)
            .defaultOrdering([
              { field: 'announcedAt', direction: 'desc' },
              { field: '_updatedAt', direction: 'desc' },
            ])
            .initialValueTemplates([S.initialValueTemplateItem(SHOW_CHILD_TEMPLATE_IDS.statusEvent, params)]),
        ),
      S.listItem()
        .id('castCredits')
        .title('Cast')
        .icon(UsersIcon)
        .child(
          S.documentList()
            .id(`castCredits-${showId}`)
            .title('Cast')
            .schemaType('castCredit')
            .apiVersion(STUDIO_API_VERSION)
            .filter(SHOW_CHILD_FILTERS.castCredit)
            .params(params)
            .defaultOrdering([{ field: 'order', direction: 'asc' }])
            .initialValueTemplates([S.initialValueTemplateItem(SHOW_CHILD_TEMPLATE_IDS.castCredit, params)]),
        ),
      S.listItem()
        .id('seasons')
        .title('Seasons')
        .icon(CalendarIcon)
        .child(
          S.documentList()
            .id(`seasons-${showId}`)
            .title('Seasons')
            .schemaType('season')
            .apiVersion(STUDIO_API_VERSION)
            .filter(SHOW_CHILD_FILTERS.season)
            .params(params)
            .defaultOrdering([{ field: 'number', direction: 'asc' }])
            .initialValueTemplates([S.initialValueTemplateItem(SHOW_CHILD_TEMPLATE_IDS.season, params)]),
        ),
      S.listItem()
        .id('articles')
        .title('Articles about this show')
        .icon(DocumentTextIcon)
        .child(
          S.documentList()
            .id(`articles-${showId}`)
            .title('Articles')
            .schemaType('article')
            .apiVersion(STUDIO_API_VERSION)
            .filter(SHOW_CHILD_FILTERS.article)
            .params(params)
            .defaultOrdering([{ field: 'publishedAt', direction: 'desc' }])
            .initialValueTemplates([S.initialValueTemplateItem(SHOW_CHILD_TEMPLATE_IDS.article, params)]),
        ),
    ])
}

function showsList(S: StructureBuilder, id: string, title: string, filter: string) {
  return S.documentList()
    .id(id)
    .title(title)
    .schemaType('show')
    .apiVersion(STUDIO_API_VERSION)
    .filter(filter)
    .defaultOrdering([{ field: 'title', direction: 'asc' }])
    .child((showId: string) => showChild(S, showId))
}

export function showsItem(S: StructureBuilder) {
  return S.listItem()
    .id('shows')
    .title('Shows')
    .icon(PlayIcon)
    .child(
      S.list()
        .id('shows')
        .title('Shows by current status')
        .items([
          ...STATUS_GROUPS.map((group) =>
            S.listItem()
              .id(group.id)
              .title(group.title)
              .icon(statusGroupIcons[group.id])
              .child(
                showsList(S, `shows-${group.id}`, `${group.title} shows`, showsInStatusGroupFilter(group.id)),
              ),
          ),
          S.divider(),
          S.listItem()
            .id('all')
            .title('All shows')
            .icon(PlayIcon)
            .child(showsList(S, 'shows-all', 'All shows', '_type == "show"')),
        ]),
    )
}

export function articlesItem(S: StructureBuilder) {
  const articleList = (id: string, title: string, filter: string, direction: 'asc' | 'desc' = 'desc') =>
    S.documentList()
      .id(id)
      .title(title)
      .schemaType('article')
      .apiVersion(STUDIO_API_VERSION)
      .filter(filter)
      .defaultOrdering([{ field: 'publishedAt', direction }])

  return S.listItem()
    .id('articles')
    .title('Articles')
    .icon(DocumentTextIcon)
    .child(
      S.list()
        .id('articles')
        .title('Articles')
        .items([
          S.listItem()
            .id('drafts')
            .title('Drafts (unpublished changes)')
            .icon(EditIcon)
            .child(articleList('articles-drafts', 'Drafts', ARTICLE_FILTERS.drafts)),
          S.listItem()
            .id('scheduled')
            .title('Scheduled (publish date in the future)')
            .icon(ClockIcon)
            .child(articleList('articles-scheduled', 'Scheduled', ARTICLE_FILTERS.scheduled, 'asc')),
          S.listItem()
            .id('published')
            .title('Published')
            .icon(PublishIcon)
            .child(articleList('articles-published', 'Published', ARTICLE_FILTERS.published)),
          S.divider(),
          S.documentTypeListItem('article').id('all').title('All articles'),
        ]),
    )
}

/** Desk structure: Shows by status, status events, articles, people, authors, networks. */
export const structure: StructureResolver = (S) =>
  S.list()
    .id('root')
    .title('Reel Status')
    .items([
      showsItem(S),
      S.listItem()
        .id('statusEvents')
        .title('Latest status events')
        .icon(ActivityIcon)
        .child(
          S.documentTypeList('statusEvent')
            .id('statusEvents')
            .title('Status events, newest first')
            .apiVersion(STUDIO_API_VERSION)
            .defaultOrdering([
              { field: 'announcedAt', direction: 'desc' },
              { field: '_updatedAt', direction: 'desc' },
            ]),
        ),
      S.divider(),
      articlesItem(S),
      S.divider(),
      S.documentTypeListItem('person').title('People').icon(UserIcon),
      S.documentTypeListItem('author').title('Authors').icon(ComposeIcon),
      S.documentTypeListItem('network').title('Networks').icon(EarthGlobeIcon),
      S.divider(),
      S.listItem()
        .id('more')
        .title('All seasons & cast credits')
        .icon(DocumentsIcon)
        .child(
          S.list()
            .id('more')
            .title('All seasons & cast credits')
            .items([
              S.documentTypeListItem('season').title('Seasons'),
              S.documentTypeListItem('castCredit').title('Cast credits'),
            ]),
        ),
      S.listItem()
        .id('samples')
        .title('Sample content')
        .icon(WarningOutlineIcon)
        .child(
          S.documentList()
            .id('samples')
            .title('Sample content (not real news)')
            .apiVersion(STUDIO_API_VERSION)
            .filter('isSample == true')
            .defaultOrdering([{ field: '_type', direction: 'asc' }]),
        ),
    ])
