/** Bluesky: a TipTap/ProseMirror editor and the composerPublishBtn button. */
export default {
  id: 'bluesky',
  platform: 'bluesky',
  hosts: ['bsky.app'],
  composer: 'div.ProseMirror[contenteditable="true"]',
  postButton: { selector: '[data-testid="composerPublishBtn"]', labels: null },
  submitKeys: ['mod+enter'],
};
