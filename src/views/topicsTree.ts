import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { isolateBidi, isolatedLabel } from '../core/present/bidiIsolation';
import { sanitiseLabel } from '../core/present/markdownEscape';
import { pageLabel } from '../core/present/pageLabel';
import type { Article, Mention, Topic, TopicKind } from '../core/model';
import { groupingSuggestionsInSlices, type SameTopicSuggestion } from '../core/topics/groupingSuggestions';
import { runCooperatively, TimeSlice } from '../core/scheduling/timeSlice';
import type { TopicIndex } from '../core/topics/topicIndex';

/** One collator for every sort: `localeCompare` builds one per call, too slow for 10,000 rows. */
const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });


const kindLabels: Record<TopicKind, string> = {
  person: vscode.l10n.t('People'),
  place: vscode.l10n.t('Places'),
  organisation: vscode.l10n.t('Organisations'),
  system: vscode.l10n.t('Weapons and systems'),
  agreement: vscode.l10n.t('Agreements and frameworks'),
  event: vscode.l10n.t('Events'),
  other: vscode.l10n.t('Other topics'),
};
const kindIcons: Record<TopicKind, string> = {
  person: 'person',
  place: 'globe',
  organisation: 'organization',
  system: 'rocket',
  agreement: 'law',
  event: 'calendar',
  other: 'tag',
};
const kindOrder: TopicKind[] = ['person', 'place', 'organisation', 'system', 'agreement', 'event', 'other'];

export type TopicTreeNode = SuggestionsNode | SuggestionNode | KindNode | TopicNode | TopicArticleNode | MentionNode;

/** The group "Possibly the same": pairs of topics Sourcebook cannot prove are one, for the writer to accept or dismiss. */
export class SuggestionsNode {
  readonly parent = undefined;
  constructor(readonly count: number) {}
  get id(): string {
    return 'suggestions';
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Possibly the same'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = String(this.count);
    item.tooltip = vscode.l10n.t('Topics that may be one person, place or thing. Accept writes an alias to .sourcebook/topics.json; Dismiss remembers that they are not the same. Nothing is merged unless you accept.');
    item.iconPath = new vscode.ThemeIcon('lightbulb');
    item.contextValue = 'sameTopicSuggestions';
    return item;
  }
}

/** One suggested pair: "Su Jiesheng ↔ S. Jaishankar", its evidence as description and tooltip, Accept and Dismiss inline. */
export class SuggestionNode {
  constructor(readonly suggestion: SameTopicSuggestion, readonly parent: SuggestionsNode) {}
  get id(): string {
    return `suggestion:${this.suggestion.key}`;
  }
  toTreeItem(): vscode.TreeItem {
    const { suggestion } = this;
    const item = new vscode.TreeItem(sanitiseLabel(`${suggestion.other.name} ↔ ${suggestion.keep.name}`, 100), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = sanitiseLabel(suggestion.summary, 120);
    item.tooltip = sanitiseLabel(`${[...suggestion.evidence.map((evidence) => evidence.text), suggestion.where].join('\n')}\n${vscode.l10n.t('Accept makes “{0}” an alias of “{1}”.', suggestion.other.name, suggestion.keep.name)}`, 1200);
    item.iconPath = new vscode.ThemeIcon('question');
    item.contextValue = 'sameTopicSuggestion';
    return item;
  }
}

export class KindNode {
  /** `transliterated`: the topics among `topics` the filter found only through their transliteration (listed last). */
  constructor(readonly kind: TopicKind, readonly topics: Topic[], readonly transliterated: ReadonlySet<Topic> = new Set()) {}
  get id(): string {
    return `kind:${this.kind}`;
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(kindLabels[this.kind], vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = String(this.topics.length);
    item.iconPath = new vscode.ThemeIcon(kindIcons[this.kind]);
    item.contextValue = 'kind';
    return item;
  }
}

export class TopicNode {
  /** `transliterated`: shown by the filter only because its name in another alphabet transliterates to the filter's words. */
  constructor(readonly topic: Topic, readonly parent: KindNode, readonly transliterated = false) {}
  get id(): string {
    return `topic:${this.topic.id}`;
  }
  toTreeItem(): vscode.TreeItem {
    const { topic } = this;
    const item = new vscode.TreeItem(isolatedLabel(topic.name, 80), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const counts = vscode.l10n.t('{0} · {1}', topic.mentions.length === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', topic.mentions.length), topic.articleIds.length === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', topic.articleIds.length));
    item.description = this.transliterated ? `${vscode.l10n.t('transliterated')} · ${counts}` : counts;
    const others = topic.aliases.filter((alias) => alias !== topic.name);
    item.tooltip = others.length
      ? vscode.l10n.t('{0} ({1}) — also: {2}', isolatedLabel(topic.name, 200), topic.kind, others.slice(0, 20).map((alias) => isolatedLabel(alias, 80)).join(', '))
      : `${isolatedLabel(topic.name, 200)} (${topic.kind})`;
    item.iconPath = new vscode.ThemeIcon(kindIcons[topic.kind]);
    item.contextValue = 'topic';
    return item;
  }
}

export class TopicArticleNode {
  constructor(readonly article: Article, readonly mentions: Mention[], readonly parent: TopicNode) {}
  get id(): string {
    return `${this.parent.id}/article:${this.article.id}`;
  }
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(isolatedLabel(this.article.meta.title, 80), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const spellings = this.parent.topic.spellingsByArticle[this.article.id] ?? [];
    // Each piece of source text is isolated on its own; the whole row stays within 120 characters.
    let description = [this.article.meta.outlet ? isolatedLabel(this.article.meta.outlet, 60) : undefined, `${this.mentions.length}×`].filter(Boolean).join(' · ');
    const quoted: string[] = [];
    for (const spelling of spellings) {
      const next = `“${isolatedLabel(spelling, 40)}”`;
      if (description.length + 3 + [...quoted, next].join(', ').length > 120) break;
      quoted.push(next);
    }
    if (quoted.length > 0) description += ` · ${quoted.join(', ')}`;
    item.description = description;
    item.iconPath = new vscode.ThemeIcon('file-text');
    item.contextValue = 'topicArticle';
    return item;
  }
}

export class MentionNode {
  constructor(readonly mention: Mention, readonly passageText: string, readonly parent: TopicArticleNode, readonly page?: number) {}
  get id(): string {
    return `${this.parent.id}/mention:${this.mention.passageId}:${this.mention.start}`;
  }
  toTreeItem(): vscode.TreeItem {
    const { mention, passageText } = this;
    const from = Math.max(0, mention.start - 40);
    const label = `${from > 0 ? '…' : ''}${passageText.slice(from, mention.end + 60)}`;
    const item = new vscode.TreeItem(highlightedLabel(label, mention.surface), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const page = pageLabel(this.page);
    if (page) item.description = page;
    item.tooltip = isolatedLabel(passageText, 1200);
    item.contextValue = 'passage';
    item.command = { command: CommandIds.openPassage, title: vscode.l10n.t('Open Source at Passage'), arguments: [mention.passageId, mention.start, mention.end] };
    return item;
  }
}

function sourceLabelOf(article: Article | undefined): string {
  if (!article) return vscode.l10n.t('an article');
  return article.meta.outlet ?? decodeURIComponent(article.sourceUri.split('/').pop() ?? article.meta.title).replace(/\.[^.]+$/, '').replace(/_[0-9a-f]{8,}$/, '');
}

/** A mention's row: the passage around it, the mention highlighted; right-to-left text isolated (the highlight moves with it). */
function highlightedLabel(label: string, surface: string): vscode.TreeItemLabel {
  const cleaned = sanitiseLabel(label, 110);
  const isolated = isolateBidi(cleaned);
  const shift = isolated.length === cleaned.length ? 0 : 1;
  const at = cleaned.indexOf(surface);
  return { label: isolated, highlights: at >= 0 ? [[at + shift, at + shift + surface.length]] : [] };
}

/** The Topics view: topics grouped by kind, most sources first; each expands to its articles, then passages. */
export class TopicsTreeProvider implements vscode.TreeDataProvider<TopicTreeNode> {
  private readonly changeEmitter = new vscode.EventEmitter<TopicTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private filterText = '';
  private kindNodes: KindNode[] = [];
  private readonly topicNodes = new Map<string, TopicNode>();
  private suggestionsNode: SuggestionsNode | undefined;
  private suggestionsFor: { topics: TopicIndex; notSame: ReadonlyArray<readonly [string, string]>; list?: SameTopicSuggestion[]; pending: Promise<SameTopicSuggestion[]> } | undefined;

  /**
   * `notSame`: the pairs the writer dismissed (see AliasFiles.notSame); `yieldNow`: gives the
   * extension host back between slices of the suggestions' computation.
   */
  constructor(
    private readonly index: CorpusIndex,
    private readonly notSame: () => ReadonlyArray<readonly [string, string]> = () => [],
    private readonly yieldNow: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ) {}

  /**
   * The pairs shown under "Possibly the same", best first, for the current topics and
   * dismissals: computed once per topic index in slices of 8 ms (a large corpus takes a second or
   * more), so the view shows the topics first and the group when it is ready.
   */
  suggestions(): Promise<SameTopicSuggestion[]> {
    const topics = this.index.topics();
    const notSame = this.notSame();
    const current = this.suggestionsFor;
    if (current && current.topics === topics && current.notSame === notSame) return current.pending;
    const clock = new TimeSlice(8);
    const work = groupingSuggestionsInSlices(
      {
        topics: topics.topics(),
        passageText: (id) => this.index.passage(id)?.text,
        sourceLabel: (id) => sourceLabelOf(this.index.article(id)),
        preferAsName: (topic) => topics.isNamedByAliasFile(topic.id),
        notSame,
      },
      clock,
    );
    const state: NonNullable<TopicsTreeProvider['suggestionsFor']> = { topics, notSame, pending: Promise.resolve([]) };
    this.suggestionsFor = state;
    state.pending = runCooperatively(work, clock, { yieldNow: this.yieldNow, isCancelled: () => this.suggestionsFor !== state }).then((list) => {
      state.list = list ?? [];
      return state.list;
    });
    return state.pending;
  }

  /** The suggestions when they are computed for the current topics, else undefined (and their computation starts). */
  private readySuggestions(): SameTopicSuggestion[] | undefined {
    const pending = this.suggestions();
    const list = this.suggestionsFor?.list;
    if (list) return list;
    void pending.then(() => {
      if (this.suggestionsFor?.list && this.kindNodes.length > 0) this.changeEmitter.fire(undefined);
    });
    return undefined;
  }

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.refresh();
  }

  refresh(): void {
    this.kindNodes = [];
    this.suggestionsNode = undefined;
    this.topicNodes.clear();
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: TopicTreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  getParent(node: TopicTreeNode): TopicTreeNode | undefined {
    return node instanceof KindNode ? undefined : node.parent;
  }

  getChildren(node?: TopicTreeNode): TopicTreeNode[] {
    if (!node) {
      const kinds = this.roots();
      if (kinds.length === 0 || this.filterText) return kinds;
      const ready = this.readySuggestions();
      if (!ready || ready.length === 0) return kinds;
      this.suggestionsNode ??= new SuggestionsNode(ready.length);
      return [...kinds, this.suggestionsNode];
    }
    if (node instanceof SuggestionsNode) return (this.readySuggestions() ?? []).map((suggestion) => new SuggestionNode(suggestion, node));
    if (node instanceof KindNode) return node.topics.map((topic) => this.topicNode(topic, node));
    if (node instanceof TopicNode) {
      const byArticle = new Map<string, Mention[]>();
      for (const mention of node.topic.mentions) {
        const list = byArticle.get(mention.articleId) ?? [];
        list.push(mention);
        byArticle.set(mention.articleId, list);
      }
      const children: TopicArticleNode[] = [];
      for (const [articleId, mentions] of byArticle) {
        const article = this.index.article(articleId);
        if (article) children.push(new TopicArticleNode(article, mentions, node));
      }
      return children.sort((a, b) => b.mentions.length - a.mentions.length || titleOrder.compare(a.article.meta.title, b.article.meta.title));
    }
    if (node instanceof TopicArticleNode) {
      return node.mentions.flatMap((mention) => {
        const passage = this.index.passage(mention.passageId);
        return passage ? [new MentionNode(mention, passage.text, node, passage.page)] : [];
      });
    }
    return [];
  }

  /** The tree node of a topic, for `TreeView.reveal`. */
  nodeForTopic(topicId: string): TopicNode | undefined {
    if (this.kindNodes.length === 0) this.roots();
    const cached = this.topicNodes.get(topicId);
    if (cached) return cached;
    for (const kindNode of this.kindNodes) {
      const topic = kindNode.topics.find((candidate) => candidate.id === topicId);
      if (topic) return this.topicNode(topic, kindNode);
    }
    return undefined;
  }

  private topicNode(topic: Topic, parent: KindNode): TopicNode {
    let node = this.topicNodes.get(topic.id);
    if (!node) {
      node = new TopicNode(topic, parent, parent.transliterated.has(topic));
      this.topicNodes.set(topic.id, node);
    }
    return node;
  }

  private roots(): KindNode[] {
    if (this.kindNodes.length > 0) return this.kindNodes;
    if (this.index.passageCount() === 0) return [];
    const needle = this.filterText.toLowerCase();
    const topics = this.index.topics();
    const byKind = new Map<TopicKind, Topic[]>();
    const add = (topic: Topic) => {
      const list = byKind.get(topic.kind) ?? [];
      list.push(topic);
      byKind.set(topic.kind, list);
    };
    for (const topic of topics.topics()) {
      if (needle && !topic.name.toLowerCase().includes(needle) && !topic.aliases.some((alias) => alias.toLowerCase().includes(needle))) continue;
      add(topic);
    }
    const bySources = (a: Topic, b: Topic) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length || titleOrder.compare(a.name, b.name);
    for (const list of byKind.values()) list.sort(bySources);
    // Topics the filter names in another alphabet (`Lavrov`: Сергей Лавров) come after those it matches as written, labelled.
    const transliterated = new Set<Topic>();
    if (needle) {
      const asWritten = new Set([...byKind.values()].flat());
      for (const topic of topics.topicsTransliteratedFrom(this.filterText, true)) {
        if (asWritten.has(topic)) continue;
        transliterated.add(topic);
        add(topic);
      }
    }
    this.kindNodes = kindOrder.filter((kind) => byKind.has(kind)).map((kind) => new KindNode(kind, byKind.get(kind) ?? [], transliterated));
    return this.kindNodes;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
