/** Threads: a role=textbox editor and a role=button labelled Post. */
export default {
  id: 'threads',
  platform: 'threads',
  hosts: ['threads.net', 'threads.com'],
  composer: 'div[contenteditable="true"][role="textbox"]',
  postButton: { selector: 'div[role="button"], button', labels: ['Post', 'Reply'] },
  submitKeys: ['mod+enter'],
};
