/** Instagram web: the caption editor of a new post and the comment textarea; Share or Post. */
export default {
  id: 'instagram',
  platform: 'instagram',
  hosts: ['instagram.com'],
  composer: 'div[contenteditable="true"][role="textbox"], textarea[aria-label]',
  postButton: { selector: 'div[role="button"], button', labels: ['Share', 'Post'] },
  submitKeys: [],
};
