// Builds the page from elements and text nodes only: no value from the API is ever parsed as
// HTML, so a subject or an address cannot inject markup (ADR 0016).

export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

// Element.append would write null as the text "null"; this skips absent children.
export function replace(element, ...children) {
  return append(clear(element), children);
}

let fields = 0;

// A labelled field whose hint and error are tied to the input for screen readers; the error
// paragraph is found by the field name the API puts in a problem's `errors` member.
export function field(label, name, input, hint) {
  const id = `field-${name}-${++fields}`;
  input.id = id;
  input.name = name;
  const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name });
  error.hidden = true;
  input.setAttribute('aria-describedby', [hintElement?.id, error.id].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hintElement, error);
}

export function input(attributes) {
  return h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', ...attributes });
}

export function select(options, selected, attributes) {
  return h('select', attributes ?? {}, options.map(([value, text]) =>
    h('option', { value, selected: value === selected }, text)));
}

// A hint under a checkbox is a warning: such boxes loosen a safeguard (e.g. ADR 0019).
export function checkbox(label, name, checked, warning) {
  const id = `field-${name}-${++fields}`;
  const box = h('input', { type: 'checkbox', id, name, checked });
  const row = h('div', { class: 'field check' }, box, h('label', { for: id }, label));
  if (!warning) {
    return row;
  }
  const hint = h('p', { class: 'hint warning-hint', id: `${id}-hint` }, warning);
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name });
  error.hidden = true;
  box.setAttribute('aria-describedby', `${hint.id} ${error.id}`);
  return h('div', { class: 'field' }, row, hint, error);
}

// A form with a problem area on top; `submit` gets the form data and may throw a ProblemError.
export function form(label, children, submitText, submit) {
  const problem = h('div', { class: 'problem', role: 'alert' });
  problem.hidden = true;
  const button = h('button', { type: 'submit' }, submitText);
  const element = h('form', { 'aria-label': label, novalidate: true }, problem, children,
    h('div', { class: 'actions' }, button));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(element);
    button.disabled = true;
    try {
      await submit(new FormData(element), element);
    } catch (error) {
      showProblem(element, error);
    } finally {
      button.disabled = false;
    }
  });
  return element;
}

export function clearProblems(container) {
  for (const error of container.querySelectorAll('[data-error-for]')) {
    error.hidden = true;
    error.textContent = '';
    container.querySelector(`[name="${CSS.escape(error.dataset.errorFor)}"]`)
      ?.removeAttribute('aria-invalid');
  }
  const problem = container.querySelector(':scope > .problem');
  if (problem) {
    problem.hidden = true;
    clear(problem);
  }
}

// Shows an RFC 9457 answer: each named field's message beside that field, and the title and
// detail on top, so that a person sees what to fix where to fix it.
export function showProblem(container, error) {
  const problem = error?.problem ?? { title: 'Something went wrong', detail: String(error) };
  let first = null;
  for (const [name, messages] of Object.entries(problem.errors ?? {})) {
    const slot = container.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (!slot) {
      continue;
    }
    slot.textContent = [messages].flat().join(' ');
    slot.hidden = false;
    const control = container.querySelector(`[name="${CSS.escape(name)}"]`);
    control?.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const area = container.querySelector(':scope > .problem') ?? container;
  area.hidden = false;
  append(clear(area), problemBox(problem));
  (first ?? area).focus?.();
}

export function problemBox(problem) {
  const status = problem.status ? ` (${problem.status})` : '';
  return h('div', { class: 'problem-box' },
    h('p', { class: 'problem-title' }, `${problem.title ?? 'The request was refused'}${status}`),
    problem.detail ? h('p', {}, problem.detail) : null);
}

export function table(caption, headers, rows) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows.length
        ? rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))
        : h('tr', {}, h('td', { colspan: headers.length, class: 'empty' }, 'Nothing yet.')))));
}

export function definitions(pairs) {
  return h('dl', { class: 'pairs' }, pairs.map(([term, value]) =>
    [h('dt', {}, term), h('dd', {}, value ?? '—')]));
}

export function section(title, ...children) {
  const id = `section-${++fields}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), children);
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '—';
}

export function badge(word) {
  return h('span', { class: `badge badge-${word}` }, word);
}

// <input type="datetime-local"> speaks local time; the API wants an instant.
export function instantOf(local) {
  return local ? new Date(local).toISOString() : null;
}

export function text(data, name) {
  const value = data.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
