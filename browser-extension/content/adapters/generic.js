/** Any other site the teacher or district enabled: a textarea or contenteditable and a Post-like button. */
export default {
  id: 'generic',
  platform: 'web',
  hosts: [],
  composer: 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]',
  postButton: {
    selector: 'button, input[type="submit"], [role="button"]',
    labels: ['Post', 'Publish', 'Send', 'Share', 'Reply', 'Comment', 'Submit', 'Tweet'],
  },
  submitKeys: ['mod+enter'],
};
