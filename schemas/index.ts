import type { SchemaTypeDefinition } from 'sanity'
import { article } from './documents/article.ts'
import { author } from './documents/author.ts'
import { castCredit } from './documents/castCredit.ts'
import { network } from './documents/network.ts'
import { person } from './documents/person.ts'
import { season } from './documents/season.ts'
import { show } from './documents/show.ts'
import { statusEvent } from './documents/statusEvent.ts'
import { articleBody } from './objects/articleBody.ts'
import { basedOn } from './objects/basedOn.ts'
import { castList } from './objects/castList.ts'
import { externalIds } from './objects/externalIds.ts'
import { faqItem } from './objects/faqItem.ts'
import { imageWithAlt } from './objects/imageWithAlt.ts'
import { pullQuote } from './objects/pullQuote.ts'
import { richText } from './objects/richText.ts'
import { seo } from './objects/seo.ts'
import { source } from './objects/source.ts'
import { statusCallout } from './objects/statusCallout.ts'

export const documentTypes = [
  show,
  season,
  statusEvent,
  castCredit,
  person,
  network,
  article,
  author,
] as const

export const objectTypes = [
  source,
  basedOn,
  externalIds,
  imageWithAlt,
  faqItem,
  seo,
  richText,
  articleBody,
  castList,
  statusCallout,
  pullQuote,
] as const

/** Every schema type, for `defineConfig({schema: {types: schemaTypes}})`. */
export const schemaTypes: SchemaTypeDefinition[] = [...documentTypes, ...objectTypes]
