export default defineBackground(() => {
  // Nothing yet: the popup talks straight to the tab's content script.
});
