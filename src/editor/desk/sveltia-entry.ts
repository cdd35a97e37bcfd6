// The entry of the desk's Sveltia CMS bundle (src/integrations/desk-bundle.ts):
// the package's module registers the manager as window.CMS, for desk-app.ts.
import "@sveltia/cms";
