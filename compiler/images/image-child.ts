/**
 * Reads each image it is sent and reports its plan (the files it will have), then encodes them into
 * the cache, reporting each one (process-course-images.ts).
 */
import { encodeImage, planImage, type ImagePlan } from './process-images.ts';
import type { ImageChildMessage } from './process-course-images.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

const send = (message: ImageChildMessage) => process.send!(message);

process.once(
  'message',
  async (message: { cacheDir: string; images: { file: string; src: string }[] }) => {
    const plans: [string, ImagePlan | Diagnostic][] = [];
    for (const { file, src } of message.images) {
      const plan = await planImage(file, src, message.cacheDir);
      plans.push([file, plan]);
      send({ src, planned: 'severity' in plan ? plan : plan.image });
    }
    for (const [file, plan] of plans) {
      if ('severity' in plan) continue;
      const result = await encodeImage(plan, file);
      send({
        src: plan.image.src,
        encoded: true,
        diagnostic: 'severity' in result ? result : undefined,
      });
    }
    process.disconnect();
  },
);
