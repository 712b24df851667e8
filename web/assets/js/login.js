// Log in or create a member account. The server sets the HttpOnly session cookie.
import { api, errorText, field, h, mount } from './lib.js';

const main = document.getElementById('main');
const next = (() => {
  const n = new URLSearchParams(location.search).get('next');
  // Only same-site paths: never bounce to another origin.
  return n && n.startsWith('/') && !n.startsWith('//') ? n : null;
})();

function render(mode) {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const handle = h('input', { name: 'handle', autocomplete: 'username', required: true, minlength: mode === 'register' ? 3 : 1, maxlength: 32, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: mode === 'register' ? 'new-password' : 'current-password', required: true, minlength: mode === 'register' ? 10 : 1 });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, mode === 'register' ? 'Create account' : 'Log in');
  const form = h('form', {
    class: 'card auth-card', novalidate: false,
    onsubmit: async (e) => {
      e.preventDefault();
      submit.disabled = true;
      error.textContent = '';
      try {
        const { user } = await api('POST', mode === 'register' ? '/api/auth/register' : '/api/auth/login', { handle: handle.value.trim(), password: password.value });
        const moderates = user.role === 'admin' || user.role === 'moderator';
        location.assign(next ?? (moderates ? '/console' : '/'));
      } catch (err) {
        error.textContent = errorText(err);
        submit.disabled = false;
        password.focus();
      }
    },
  },
  h('h1', null, mode === 'register' ? 'Join Haven' : 'Welcome back'),
  h('p', { class: 'muted' }, mode === 'register'
    ? 'Choose a handle that does not identify you. Every message is checked for private details before anyone else sees it.'
    : 'A moderated peer-support space. Log in with your handle.'),
  field('Handle', handle, mode === 'register' ? '3–32 letters, digits, _ . -' : undefined),
  field('Password', password, mode === 'register' ? 'At least 10 characters.' : undefined),
  error,
  submit,
  h('p', { class: 'switch' }, mode === 'register' ? 'Already have an account? ' : 'New here? ',
    h('a', { href: mode === 'register' ? '#login' : '#register' }, mode === 'register' ? 'Log in' : 'Create an account')));
  mount(main, h('div', { class: 'auth-wrap' }, form));
  handle.focus();
}

window.addEventListener('hashchange', () => render(location.hash === '#register' ? 'register' : 'login'));
render(location.hash === '#register' ? 'register' : 'login');
