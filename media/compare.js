// The compare view's page script. Every string in the model is untrusted source text: it is
// only ever placed with textContent, never parsed as HTML. The page sends three message types
// (ready, openPassage, rendered) and understands one (render). Each piece of source text is
// isolated for the bidi algorithm (<bdi>, or dir="auto" on a passage), so an Arabic or Hebrew
// passage reads right to left with its own punctuation and cannot reorder the words around it;
// the model carries no bidi control of the source's own (compareSourcesModel.ts removes them).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  // The host sends the page's words in VS Code's display language with each render; English until then.
  let words = {};

  function say(key, english, value) {
    const text = typeof words[key] === 'string' ? words[key] : english;
    return value === undefined ? text : text.replace(/\{0\}/g, () => String(value));
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  /** Source text inline: a <bdi> takes its direction from its own first letter, apart from what surrounds it. */
  function sourceText(text, className) {
    return element('bdi', className, text);
  }

  function passageLink(label, passageId, title, fromSource) {
    const link = element('a', 'passage-link');
    if (fromSource) link.appendChild(sourceText(label));
    else link.textContent = String(label);
    link.href = '#';
    link.title = title || say('openPassage', 'Open the source at this passage');
    link.setAttribute('role', 'link');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'openPassage', passageId: String(passageId) });
    });
    return link;
  }

  function highlighted(text, highlights) {
    const paragraph = element('p', 'passage-text');
    paragraph.dir = 'auto';
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

  function statementSource(statement) {
    const part = document.createDocumentFragment();
    part.appendChild(document.createTextNode(' ('));
    part.appendChild(sourceText(statement.source));
    if (statement.frame) {
      part.appendChild(document.createTextNode(', '));
      part.appendChild(sourceText(statement.frame));
    }
    part.appendChild(document.createTextNode(')'));
    return part;
  }

  function renderDisagreements(model, counts) {
    const section = element('section', 'disagreements');
    section.setAttribute('aria-label', say('whereTheyDisagree', 'Where the sources disagree'));
    if (model.disagreements.length === 0) {
      section.appendChild(element('p', 'agreement', say('noDisagreement', 'The sources do not disagree on any figure about this topic.')));
      return section;
    }
    section.appendChild(element('h2', undefined, say('whereTheyDisagree', 'Where the sources disagree')));
    for (const disagreement of model.disagreements) {
      const explained = typeof disagreement.explanation === 'string' && disagreement.explanation.length > 0;
      const kind = explained ? 'different-measures' : disagreement.severity === 'contradiction' ? 'contradiction' : 'tension';
      const item = element('div', 'disagreement ' + kind);
      const sentence = element('p', 'summary');
      sentence.appendChild(element('span', 'badge', explained ? say('differentMeasures', 'Different measures') : disagreement.severity === 'contradiction' ? say('contradiction', 'Contradiction') : say('tension', 'Tension')));
      const label = element('strong');
      label.appendChild(sourceText(disagreement.label));
      label.appendChild(document.createTextNode(': '));
      sentence.appendChild(label);
      disagreement.statements.forEach((statement, position) => {
        if (position > 0) sentence.appendChild(document.createTextNode('; '));
        sentence.appendChild(passageLink(statement.text, statement.passageId, statement.sentence, true));
        sentence.appendChild(statementSource(statement));
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
    const heading = element('h2', 'source-name');
    heading.appendChild(sourceText(source.label));
    column.appendChild(heading);
    const title = element('p', 'source-title');
    title.appendChild(sourceText(source.title));
    if (source.date) title.appendChild(document.createTextNode(' · ' + source.date));
    column.appendChild(title);

    if (source.figures.length > 0) {
      column.appendChild(element('h3', undefined, say('figures', 'Figures')));
      const list = element('ul', 'figures');
      for (const figure of source.figures) {
        const row = element('li', figure.disputed ? 'figure disputed' : 'figure');
        row.appendChild(passageLink(figure.text, figure.passageId, figure.sentence, true));
        if (figure.frame) {
          row.appendChild(document.createTextNode(', '));
          row.appendChild(sourceText(figure.frame));
        }
        const figureLabel = element('span', 'figure-label', ' — ');
        figureLabel.appendChild(sourceText(figure.label));
        row.appendChild(figureLabel);
        if (figure.disputed) row.appendChild(element('span', 'badge', say('disputed', 'disputed')));
        list.appendChild(row);
        counts.statementLinks++;
      }
      column.appendChild(list);
    }

    column.appendChild(element('h3', undefined, source.passages.length === 1 ? say('onePassage', '1 passage') : say('passages', '{0} passages', source.passages.length)));
    for (const passage of source.passages) {
      const block = element('blockquote', 'passage');
      block.appendChild(highlighted(passage.text, passage.highlights));
      block.appendChild(passageLink(typeof passage.page === 'string' ? say('openInSourceAtPage', 'Open in source ({0})', passage.page) : say('openInSource', 'Open in source'), passage.passageId));
      column.appendChild(block);
      counts.passages++;
    }
    return column;
  }

  function render(model) {
    const counts = { passages: 0, statementLinks: 0, explanations: 0 };
    const page = document.createDocumentFragment();
    // The topic's name is source text: isolated inside the translated sentence around it.
    const [beforeName, afterName = ''] = say('whatTheySay', 'What the sources say about {0}', '\u0000').split('\u0000');
    const heading = element('h1', undefined, beforeName);
    heading.appendChild(sourceText(model.topicName));
    if (afterName) heading.appendChild(document.createTextNode(afterName));
    page.appendChild(heading);
    page.appendChild(element('p', 'subtitle', model.sources.length === 1 ? say('oneSource', '1 source') : say('sources', '{0} sources', model.sources.length)));
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
    if (message.words && typeof message.words === 'object') words = message.words;
    try {
      render(message.model);
    } catch (error) {
      root.replaceChildren(element('p', 'empty', say('notShown', 'The comparison could not be shown: {0}', error && error.message ? error.message : String(error))));
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
