/** A picture the encoders are slow on: Gaussian noise, 2,400 px square, takes seconds in AVIF. */
import sharp from 'sharp';

export async function writeNoiseImage(file: string): Promise<void> {
  await sharp({
    create: {
      width: 2400,
      height: 2400,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .jpeg({ quality: 90 })
    .toFile(file);
}
