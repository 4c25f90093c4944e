import type { ContentConfig } from '../../config/app-config';

/**
 * Public URL of a course cover on the content origin, from `courses.cover_image_key`
 * (`covers/<id>/<name>`); null without a cover. For the course mappers.
 */
export function coverImageUrl(content: Pick<ContentConfig, 'publicUrl'>, key: string | null): string | null {
  if (!key) return null;
  const [area, id, name] = key.split('/');
  if (area !== 'covers' || !id || !name) return null;
  return `${content.publicUrl}/c/${id}/${encodeURIComponent(name)}`;
}
