import { PublishBundles as PublishBundles_613db86cfec4dca55be757184eb5a0ca } from '../../../components/PublishBundles.tsx'
import { EvaluationPanel as EvaluationPanel_51a9632fb8b1fd45f0443d696c535b0c } from '../../../components/EvaluationPanel.tsx'
import { TranslationStatus as TranslationStatus_5b2396323c77c67addf36e2d527f4c88 } from '../../../components/TranslationStatus.tsx'
import { SourceText as SourceText_49fbcab7b88a3275995d6151f3bb3203 } from '../../../components/SourceText.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/PublishBundles.tsx#PublishBundles": PublishBundles_613db86cfec4dca55be757184eb5a0ca,
  "/components/EvaluationPanel.tsx#EvaluationPanel": EvaluationPanel_51a9632fb8b1fd45f0443d696c535b0c,
  "/components/TranslationStatus.tsx#TranslationStatus": TranslationStatus_5b2396323c77c67addf36e2d527f4c88,
  "/components/SourceText.tsx#SourceText": SourceText_49fbcab7b88a3275995d6151f3bb3203,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
