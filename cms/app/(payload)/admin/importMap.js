import { PublishBundles as PublishBundles_613db86cfec4dca55be757184eb5a0ca } from '../../../components/PublishBundles.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/PublishBundles.tsx#PublishBundles": PublishBundles_613db86cfec4dca55be757184eb5a0ca,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
