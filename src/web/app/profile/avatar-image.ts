// The profile keeps an avatar as a URL of at most 2,048 characters (the API and the database
// say so), and the app's Content-Security-Policy shows images from this server and data: URLs
// only. So an uploaded picture becomes a small data: URL: drawn on a canvas, cropped to a square,
// and encoded smaller and smaller until it fits.

/** The longest avatar_url the API accepts. */
export const MAX_AVATAR_URL = 2048;

/** Pictures larger than this are refused before they are even decoded. */
export const MAX_AVATAR_FILE_BYTES = 5 * 1024 * 1024;

const SIZES = [96, 64, 48, 32];
const QUALITIES = [0.85, 0.7, 0.5, 0.35];

/** The encodings tried, best first: every size with every quality, WebP before JPEG. */
export function encodingAttempts(): { size: number; type: string; quality: number }[] {
  return SIZES.flatMap((size) =>
    ['image/webp', 'image/jpeg'].flatMap((type) => QUALITIES.map((quality) => ({ size, type, quality }))),
  );
}

/** A square, centred crop of the picture as a data: URL that fits in avatar_url; throws a sentence when it cannot. */
export async function avatarDataUrl(file: File): Promise<string> {
  if (!file.type.startsWith('image/')) throw new Error('Choose an image file (PNG, JPEG, WebP or GIF).');
  if (file.size > MAX_AVATAR_FILE_BYTES) throw new Error('Choose an image smaller than 5 MB.');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('This image could not be read. Try a PNG or JPEG file.');
  }
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot resize images.');
    for (const { size, type, quality } of encodingAttempts()) {
      canvas.width = size;
      canvas.height = size;
      context.clearRect(0, 0, size, size);
      context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
      const url = canvas.toDataURL(type, quality);
      // A browser that cannot encode the type answers PNG instead; the length check covers it too.
      if (url.length <= MAX_AVATAR_URL) return url;
    }
    throw new Error('This image is too detailed to keep as an avatar. Try a simpler picture.');
  } finally {
    bitmap.close();
  }
}
