/** X (Twitter): Draft.js editor tagged tweetTextarea_N; Post and Reply share tweetButton test ids. */
export default {
  id: 'x',
  platform: 'x',
  hosts: ['x.com', 'twitter.com'],
  composer: '[contenteditable="true"][data-testid^="tweetTextarea_"]',
  postButton: { selector: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]', labels: null },
  submitKeys: ['mod+enter'],
};
