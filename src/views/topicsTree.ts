import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { isolateBidi, isolatedLabel } from '../core/present/bidiIsolation';
import { sanitiseLabel } from '../core/present/markdownEscape';
import { pageLabel } from '../core/present/pageLabel';
import type { Article, Mention, Topic, TopicKind } from '../core/model';

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

export type TopicTreeNode = KindNode | TopicNode | TopicArticleNode | MentionNode;

export class KindNode {
  constructor(readonly kind: TopicKind, readonly topics: Topic[]) {}
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
  constructor(readonly topic: Topic, readonly parent: KindNode) {}
  get id(): string {
    return `topic:${this.topic.id}`;
  }
  toTreeItem(): vscode.TreeItem {
    const { topic } = this;
    const item = new vscode.TreeItem(isolatedLabel(topic.name, 80), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} · {1}', topic.mentions.length === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', topic.mentions.length), topic.articleIds.length === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', topic.articleIds.length));
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

  constructor(private readonly index: CorpusIndex) {}

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.refresh();
  }

  refresh(): void {
    this.kindNodes = [];
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
    if (!node) return this.roots();
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
      node = new TopicNode(topic, parent);
      this.topicNodes.set(topic.id, node);
    }
    return node;
  }

  private roots(): KindNode[] {
    if (this.kindNodes.length > 0) return this.kindNodes;
    if (this.index.passageCount() === 0) return [];
    const needle = this.filterText.toLowerCase();
    const byKind = new Map<TopicKind, Topic[]>();
    for (const topic of this.index.topics().topics()) {
      if (needle && !topic.name.toLowerCase().includes(needle) && !topic.aliases.some((alias) => alias.toLowerCase().includes(needle))) continue;
      const list = byKind.get(topic.kind) ?? [];
      list.push(topic);
      byKind.set(topic.kind, list);
    }
    this.kindNodes = kindOrder
      .filter((kind) => byKind.has(kind))
      .map((kind) => new KindNode(kind, (byKind.get(kind) ?? []).sort((a, b) => b.articleIds.length - a.articleIds.length || b.mentions.length - a.mentions.length || titleOrder.compare(a.name, b.name))));
    return this.kindNodes;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
