import { CourseOutline as CourseOutline_758b64ee83e6be6adfef47b2f72ba1ec } from '../../../components/CourseOutline.tsx'
import { PublishBundles as PublishBundles_613db86cfec4dca55be757184eb5a0ca } from '../../../components/PublishBundles.tsx'
import { CourseChecks as CourseChecks_3194c3aa98fa13bc8f4567a3a4b6e2f0 } from '../../../components/CourseChecks.tsx'
import { EvaluationPanel as EvaluationPanel_51a9632fb8b1fd45f0443d696c535b0c } from '../../../components/EvaluationPanel.tsx'
import { TranslationStatus as TranslationStatus_5b2396323c77c67addf36e2d527f4c88 } from '../../../components/TranslationStatus.tsx'
import { SourceText as SourceText_49fbcab7b88a3275995d6151f3bb3203 } from '../../../components/SourceText.tsx'
import { UnitPlacement as UnitPlacement_1c86b467476442b3477b09a6cfb9418a } from '../../../components/UnitPlacement.tsx'
import { BodyProblems as BodyProblems_9fba2f7157d8e9288175d9ee9e1f7d9c } from '../../../components/BodyProblems.tsx'
import { CaptionFile as CaptionFile_e406c07c94c25e0cb7429e39a24b48ca } from '../../../components/CaptionFile.tsx'
import { MatchSelect as MatchSelect_23732496be1707bb6990a781c65ae17c } from '../../../components/MatchSelect.tsx'
import { JsonField as JsonField_85d2a5e025898e342dac39fc45c8101f } from '../../../components/JsonField.tsx'
import { StaffLeaderboard as StaffLeaderboard_1bb594c6bbbfa1bd896cb76742420b81 } from '../../../components/StaffLeaderboard.tsx'
import { ModerationQueue as ModerationQueue_968aaf970e028ca7b9318b7a9b6da17d } from '../../../components/ModerationQueue.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/CourseOutline.tsx#CourseOutline": CourseOutline_758b64ee83e6be6adfef47b2f72ba1ec,
  "/components/PublishBundles.tsx#PublishBundles": PublishBundles_613db86cfec4dca55be757184eb5a0ca,
  "/components/CourseChecks.tsx#CourseChecks": CourseChecks_3194c3aa98fa13bc8f4567a3a4b6e2f0,
  "/components/EvaluationPanel.tsx#EvaluationPanel": EvaluationPanel_51a9632fb8b1fd45f0443d696c535b0c,
  "/components/TranslationStatus.tsx#TranslationStatus": TranslationStatus_5b2396323c77c67addf36e2d527f4c88,
  "/components/SourceText.tsx#SourceText": SourceText_49fbcab7b88a3275995d6151f3bb3203,
  "/components/UnitPlacement.tsx#UnitPlacement": UnitPlacement_1c86b467476442b3477b09a6cfb9418a,
  "/components/BodyProblems.tsx#BodyProblems": BodyProblems_9fba2f7157d8e9288175d9ee9e1f7d9c,
  "/components/CaptionFile.tsx#CaptionFile": CaptionFile_e406c07c94c25e0cb7429e39a24b48ca,
  "/components/MatchSelect.tsx#MatchSelect": MatchSelect_23732496be1707bb6990a781c65ae17c,
  "/components/JsonField.tsx#JsonField": JsonField_85d2a5e025898e342dac39fc45c8101f,
  "/components/StaffLeaderboard.tsx#StaffLeaderboard": StaffLeaderboard_1bb594c6bbbfa1bd896cb76742420b81,
  "/components/ModerationQueue.tsx#ModerationQueue": ModerationQueue_968aaf970e028ca7b9318b7a9b6da17d,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
