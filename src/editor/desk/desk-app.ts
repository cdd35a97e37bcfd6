import type SveltiaCms from "@sveltia/cms";
import { LIVE_UPDATE_COMPONENT, STORY_FORMAT } from "./desk-names.ts";
import { liveUpdateComponent } from "./live-update.ts";
import { readStory, writeStory, type StoryFormatOptions } from "./story-format.ts";
import { storyPreview, type PreviewSite } from "./story-preview.ts";

/**
 * The desk's page script: Sveltia CMS from its npm package (bundled with the
 * fonts and modules it would otherwise fetch from CDNs), the story format
 * that keeps an editor's files as written, the "Live update" component and
 * the site's own stylesheet for the preview.
 */
const CMS = (window as unknown as { CMS: typeof SveltiaCms }).CMS;
const data = JSON.parse(document.body.dataset["desk"] ?? "{}") as {
  timeZone: string;
  format: StoryFormatOptions;
  /** The site's stylesheet, for the preview. */
  style: string;
  site: PreviewSite;
};

// A folder's own desk (`?folder=2019`) reads that folder's configuration.
const folder = new URLSearchParams(location.search).get("folder");
const link = document.querySelector<HTMLLinkElement>('link[rel="cms-config-url"]');
if (folder && /^[\w.-]+$/.test(folder) && link) link.href = `folders/${folder}.yml`;

CMS.registerCustomFormat(STORY_FORMAT, "md", {
  fromFile: (text) => readStory(text, data.format),
  toFile: (value) => writeStory(value as Record<string, unknown>, data.format),
});
const component = liveUpdateComponent(data.timeZone);
if (component.id !== LIVE_UPDATE_COMPONENT) throw new Error("live update component id");
CMS.registerEditorComponent(component);
CMS.registerPreviewStyle(data.style);
CMS.registerPreviewTemplate("stories", storyPreview(data.site));
void CMS.init();
