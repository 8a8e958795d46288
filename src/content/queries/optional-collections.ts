import { getCollection } from 'astro:content';
import site from '@site-config';
import { contentDirFrom } from '../../config/content-dir';
import { contentRole, listContentFiles } from '../format/content-files';
import { oncePerBuild } from './per-build';

// Courses and author profiles are optional, and most Pelican sites have neither; Astro warns of
// every empty collection it is asked for ("does not exist or is empty. Please check your content
// config file for errors"), four times a build. They are asked for only when the folder has such files.
const rolesInFolder = oncePerBuild(async () => {
  const files = await listContentFiles(contentDirFrom(process.env, process.cwd(), site.contentDir));
  return new Set(files.map((path) => contentRole(path, site.content)));
});

/** Every course, or none without asking Astro when the folder has no course file. */
export const courseEntries = async () => ((await rolesInFolder()).has('course') ? getCollection('courses') : []);

/** Every author profile, or none without asking Astro when the folder has no profile. */
export const authorEntries = async () => ((await rolesInFolder()).has('author') ? getCollection('authors') : []);
