// Stands in for a social site's own code: Post (a click, or Ctrl/Cmd+Enter where the site takes it)
// publishes the compose box's text to #posted and empties the box.
const textOf = (box) => (box.tagName === 'TEXTAREA' ? box.value : box.innerText.replace(/\n$/, ''));

function publish(box) {
  const item = document.createElement('li');
  item.textContent = textOf(box);
  document.getElementById('posted').append(item);
  if (box.tagName === 'TEXTAREA') box.value = '';
  else box.replaceChildren();
}

for (const button of document.querySelectorAll('[data-post-for]')) {
  const box = document.getElementById(button.dataset.postFor);
  const form = button.closest('form');
  if (form) form.addEventListener('submit', (event) => { event.preventDefault(); publish(box); });
  else button.addEventListener('click', () => publish(box));
}

for (const box of document.querySelectorAll('[data-submit-keys]')) {
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      publish(box);
    }
  });
}
