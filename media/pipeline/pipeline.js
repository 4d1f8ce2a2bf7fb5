// @ts-check
// The pipeline webview: shows the markup the extension renders, and turns a click (or Enter or
// Space on a focused stage) into a 'revealStage' message. No framework, no remote resources.
(function () {
  // @ts-ignore acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));

  /** @param {string} html */
  function show(html) {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
    root.innerHTML = html;
    if (focused) {
      const again = Array.from(root.querySelectorAll('[data-key]')).find((el) => el instanceof HTMLElement && el.dataset.key === focused);
      if (again instanceof HTMLElement) again.focus();
    }
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'render' && typeof message.html === 'string') {
      show(message.html);
      vscode.setState({ html: message.html });
    }
  });

  root.addEventListener('click', (event) => {
    const action = event.target instanceof Element ? event.target.closest('button[data-action="backToNow"]') : null;
    if (action) {
      vscode.postMessage({ type: 'backToNow' });
      return;
    }
    const target = event.target instanceof Element ? event.target.closest('button[data-stage]') : null;
    if (target instanceof HTMLElement) {
      const message = { type: 'revealStage', stage: target.dataset.stage };
      vscode.postMessage(target.dataset.database === undefined ? message : { ...message, database: target.dataset.database });
    }
  });

  const state = vscode.getState();
  if (state && typeof state.html === 'string' && root.childElementCount === 0) show(state.html);
  vscode.postMessage({ type: 'ready' });
})();
