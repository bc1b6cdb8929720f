/** LinkedIn: the share box and comment boxes are Quill editors (.ql-editor). */
export default {
  id: 'linkedin',
  platform: 'linkedin',
  hosts: ['linkedin.com'],
  composer: 'div.ql-editor[contenteditable="true"]',
  postButton: {
    selector: 'button.share-actions__primary-action, button.comments-comment-box__submit-button, button.comments-comment-box__submit-button--cr',
    labels: null,
  },
  submitKeys: [],
};
