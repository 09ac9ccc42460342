// The compare view's page script. Every string in the model is untrusted source text: it is
// only ever placed with textContent, never parsed as HTML. The page sends three message types
// (ready, openPassage, rendered) and understands one (render).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function passageLink(label, passageId, title) {
    const link = element('a', 'passage-link', label);
    link.href = '#';
    link.title = title || 'Open the source at this passage';
    link.setAttribute('role', 'link');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'openPassage', passageId: String(passageId) });
    });
    return link;
  }

  function highlighted(text, highlights) {
    const paragraph = element('p', 'passage-text');
    let cursor = 0;
    const spans = Array.isArray(highlights) ? highlights.slice().sort((a, b) => a.start - b.start) : [];
    for (const span of spans) {
      const start = Math.max(cursor, Number(span.start) || 0);
      const end = Math.min(text.length, Number(span.end) || 0);
      if (end <= start) continue;
      paragraph.appendChild(document.createTextNode(text.slice(cursor, start)));
      paragraph.appendChild(element('mark', undefined, text.slice(start, end)));
      cursor = end;
    }
    paragraph.appendChild(document.createTextNode(text.slice(cursor)));
    return paragraph;
  }

  function statementText(statement) {
    return statement.source + (statement.frame ? ', ' + statement.frame : '');
  }

  function renderDisagreements(model, counts) {
    const section = element('section', 'disagreements');
    section.setAttribute('aria-label', 'Where the sources disagree');
    if (model.disagreements.length === 0) {
      section.appendChild(element('p', 'agreement', 'The sources do not disagree on any figure about this topic.'));
      return section;
    }
    section.appendChild(element('h2', undefined, 'Where the sources disagree'));
    for (const disagreement of model.disagreements) {
      const explained = typeof disagreement.explanation === 'string' && disagreement.explanation.length > 0;
      const kind = explained ? 'different-measures' : disagreement.severity === 'contradiction' ? 'contradiction' : 'tension';
      const item = element('div', 'disagreement ' + kind);
      const sentence = element('p', 'summary');
      sentence.appendChild(element('span', 'badge', explained ? 'Different measures' : disagreement.severity === 'contradiction' ? 'Contradiction' : 'Tension'));
      sentence.appendChild(element('strong', undefined, disagreement.label + ': '));
      disagreement.statements.forEach((statement, position) => {
        if (position > 0) sentence.appendChild(document.createTextNode('; '));
        sentence.appendChild(passageLink(statement.text, statement.passageId, statement.sentence));
        sentence.appendChild(document.createTextNode(' (' + statementText(statement) + ')'));
        counts.statementLinks++;
      });
      item.appendChild(sentence);
      if (explained) {
        item.appendChild(element('p', 'explanation', disagreement.explanation));
        counts.explanations++;
      }
      section.appendChild(item);
    }
    return section;
  }

  function renderSource(source, counts) {
    const column = element('section', 'source');
    column.setAttribute('aria-label', source.label);
    const heading = element('h2', 'source-name', source.label);
    column.appendChild(heading);
    column.appendChild(element('p', 'source-title', source.title + (source.date ? ' · ' + source.date : '')));

    if (source.figures.length > 0) {
      column.appendChild(element('h3', undefined, 'Figures'));
      const list = element('ul', 'figures');
      for (const figure of source.figures) {
        const row = element('li', figure.disputed ? 'figure disputed' : 'figure');
        row.appendChild(passageLink(figure.text, figure.passageId, figure.sentence));
        if (figure.frame) row.appendChild(document.createTextNode(', ' + figure.frame));
        row.appendChild(element('span', 'figure-label', ' — ' + figure.label));
        if (figure.disputed) row.appendChild(element('span', 'badge', 'disputed'));
        list.appendChild(row);
        counts.statementLinks++;
      }
      column.appendChild(list);
    }

    column.appendChild(element('h3', undefined, source.passages.length === 1 ? '1 passage' : source.passages.length + ' passages'));
    for (const passage of source.passages) {
      const block = element('blockquote', 'passage');
      block.appendChild(highlighted(passage.text, passage.highlights));
      block.appendChild(passageLink(typeof passage.page === 'string' ? 'Open in source (' + passage.page + ')' : 'Open in source', passage.passageId));
      column.appendChild(block);
      counts.passages++;
    }
    return column;
  }

  function render(model) {
    const counts = { passages: 0, statementLinks: 0, explanations: 0 };
    const page = document.createDocumentFragment();
    page.appendChild(element('h1', undefined, 'What the sources say about ' + model.topicName));
    page.appendChild(element('p', 'subtitle', model.sources.length === 1 ? '1 source' : model.sources.length + ' sources'));
    page.appendChild(renderDisagreements(model, counts));
    const columns = element('div', 'sources');
    for (const source of model.sources) columns.appendChild(renderSource(source, counts));
    page.appendChild(columns);
    root.replaceChildren(page);
    vscode.setState({ topicId: model.topicId });
    vscode.postMessage({
      type: 'rendered',
      report: {
        topicId: String(model.topicId),
        sources: model.sources.length,
        passages: counts.passages,
        disagreements: model.disagreements.length,
        statementLinks: counts.statementLinks,
        explanations: counts.explanations,
      },
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'render' || !message.model) return;
    try {
      render(message.model);
    } catch (error) {
      root.replaceChildren(element('p', 'empty', 'The comparison could not be shown: ' + (error && error.message ? error.message : String(error))));
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
