import { useSyncExternalStore } from 'react'
import { type PreviewProps, useDocumentStore } from 'sanity'
import { STUDIO_API_VERSION } from '../../schemas/constants.ts'
import { withCurrentStatus } from '../../schemas/previews.ts'
import { publishedId } from '../../schemas/validation/ids.ts'
import { createShowStatusStore, SHOW_STATUS_QUERY, type ShowStatusStore } from './showStatusStore.ts'

type DocumentStore = ReturnType<typeof useDocumentStore>

const stores = new WeakMap<DocumentStore, ShowStatusStore>()

/** One shared status store per document store (i.e. per workspace). Exported for tests. */
export function getShowStatusStore(documentStore: DocumentStore): ShowStatusStore {
  let store = stores.get(documentStore)
  if (!store) {
    store = createShowStatusStore(() =>
      documentStore.listenQuery(
        SHOW_STATUS_QUERY,
        {},
        { apiVersion: STUDIO_API_VERSION, tag: 'reel-status.show-status', throttleTime: 1000 },
      ),
    )
    stores.set(documentStore, store)
  }
  return store
}

/**
 * Show preview: adds the derived current status (newest official status event,
 * else reported …) in front of the subtitle from `prepare`, e.g. “Cancelled · Netflix”.
 */
export function ShowPreview(props: PreviewProps) {
  const documentStore = useDocumentStore()
  const store = getShowStatusStore(documentStore)
  const statuses = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
  const id = (props as PreviewProps & { _id?: unknown })._id
  const status = typeof id === 'string' ? statuses?.get(publishedId(id)) : undefined
  const subtitle =
    typeof props.subtitle === 'string' || props.subtitle === undefined ? props.subtitle : undefined
  if (statuses === undefined || (subtitle === undefined && props.subtitle !== undefined)) {
    return props.renderDefault(props)
  }
  return props.renderDefault({ ...props, subtitle: withCurrentStatus(subtitle, status) })
}
