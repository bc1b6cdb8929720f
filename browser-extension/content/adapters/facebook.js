/** Facebook: the post composer and comment boxes are Lexical editors with role=textbox. */
export default {
  id: 'facebook',
  platform: 'facebook',
  hosts: ['facebook.com'],
  composer: 'div[contenteditable="true"][role="textbox"]',
  postButton: { selector: '[role="button"][aria-label], button[aria-label]', labels: ['Post', 'Comment', 'Reply', 'Publish'] },
  submitKeys: [],
};
