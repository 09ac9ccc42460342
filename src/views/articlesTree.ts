import * as vscode from 'vscode';
import { CommandIds } from '../contributionIds';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { articleDetails } from '../core/present/articleDetails';
import { isolatedLabel, isolatedMarkdown } from '../core/present/bidiIsolation';
import { sanitiseLabel } from '../core/present/markdownEscape';
import { pageLabel } from '../core/present/pageLabel';
import type { Article, Passage } from '../core/model';

/** One collator for every sort: `localeCompare` builds one per call, too slow for 10,000 rows. */
const titleOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/** How the Articles view groups its articles. */
export type ArticleGrouping = 'outlet' | 'date';

export type ArticleTreeNode = GroupNode | ArticleNode | PassageNode;

const unknownOutlet = vscode.l10n.t('Unknown outlet');
const unknownDate = vscode.l10n.t('Undated');

class GroupNode {
  constructor(readonly label: string, readonly articles: Article[]) {}
  toTreeItem(): vscode.TreeItem {
    // Large groups start collapsed: thousands of expanded rows would make every refresh heavy.
    const state = this.articles.length > 50 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(isolatedLabel(this.label), state);
    item.id = `group:${this.label}`;
    item.description = this.articles.length === 1 ? vscode.l10n.t('1 article') : vscode.l10n.t('{0} articles', this.articles.length);
    item.iconPath = new vscode.ThemeIcon(this.label === unknownOutlet || this.label === unknownDate ? 'question' : 'organization');
    item.contextValue = 'group';
    return item;
  }
  children(): ArticleTreeNode[] {
    return this.articles.map((article) => new ArticleNode(article));
  }
}

class ArticleNode {
  constructor(readonly article: Article) {}
  toTreeItem(): vscode.TreeItem {
    const { meta } = this.article;
    const item = new vscode.TreeItem(isolatedLabel(meta.title), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `article:${this.article.id}`;
    item.description = [meta.date ? sanitiseLabel(meta.date, 12) : undefined, meta.outlet ? isolatedLabel(meta.outlet, 100) : undefined].filter(Boolean).join(' · ');
    item.tooltip = articleTooltip(this.article);
    item.iconPath = new vscode.ThemeIcon('file-text');
    item.contextValue = 'article';
    const first = this.article.passages[0];
    if (first) item.command = { command: CommandIds.openPassage, title: vscode.l10n.t('Open Source'), arguments: [first.id] };
    return item;
  }
  children(): ArticleTreeNode[] {
    return this.article.passages.map((passage) => new PassageNode(passage));
  }
}

/** An article's tooltip: its title, then what is known about it (outlet, author, date, URL, language), each value isolated when right-to-left. */
function articleTooltip(article: Article): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString('', false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.supportThemeIcons = false;
  tooltip.appendMarkdown(`${isolatedMarkdown(article.meta.title)}\n\n`);
  for (const { label, value } of articleDetails(article)) tooltip.appendMarkdown(`${label}: ${isolatedMarkdown(value)}  \n`);
  return tooltip;
}

class PassageNode {
  constructor(readonly passage: Passage) {}
  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(isolatedLabel(this.passage.text, 90), vscode.TreeItemCollapsibleState.None);
    item.id = `passage:${this.passage.id}`;
    // A PDF passage is found by its page; other passages by the line of the file (or of a Word file's text) they open at.
    item.description = pageLabel(this.passage.page) ?? vscode.l10n.t('line {0}', this.passage.range.startLine + 1);
    item.tooltip = isolatedLabel(this.passage.text, 1200);
    item.contextValue = 'passage';
    item.command = { command: CommandIds.openPassage, title: vscode.l10n.t('Open Source at Passage'), arguments: [this.passage.id] };
    return item;
  }
  children(): ArticleTreeNode[] {
    return [];
  }
}

/** The Articles view: articles grouped by outlet (or by date), each expanding to its passages. */
export class ArticlesTreeProvider implements vscode.TreeDataProvider<ArticleTreeNode> {
  private readonly changeEmitter = new vscode.EventEmitter<ArticleTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private grouping: ArticleGrouping = 'outlet';

  constructor(private readonly index: CorpusIndex) {}

  setGrouping(grouping: ArticleGrouping): void {
    this.grouping = grouping;
    this.refresh();
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(node: ArticleTreeNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  /** The node above `node` (what `TreeView.reveal` needs): a passage's article, an article's group. */
  getParent(node: ArticleTreeNode): ArticleTreeNode | undefined {
    if (node instanceof PassageNode) {
      const article = this.index.article(node.passage.articleId);
      return article ? new ArticleNode(article) : undefined;
    }
    if (node instanceof ArticleNode) {
      return this.getChildren().find((group) => group instanceof GroupNode && group.articles.some((article) => article.id === node.article.id));
    }
    return undefined;
  }

  /** The node of the article read from `sourceUri` (its first article), to reveal it. */
  articleNodeOf(sourceUri: string): ArticleTreeNode | undefined {
    const article = this.index.articles().find((candidate) => candidate.sourceUri === sourceUri);
    return article ? new ArticleNode(article) : undefined;
  }

  getChildren(node?: ArticleTreeNode): ArticleTreeNode[] {
    if (node) return node.children();
    const articles = this.index.articles();
    if (articles.length === 0) return [];
    const groups = new Map<string, Article[]>();
    for (const article of articles) {
      const key = this.grouping === 'outlet' ? article.meta.outlet ?? unknownOutlet : article.meta.date ?? unknownDate;
      const list = groups.get(key) ?? [];
      list.push(article);
      groups.set(key, list);
    }
    const sortArticles = (list: Article[]) =>
      list.sort((a, b) => compareText(b.meta.date ?? '', a.meta.date ?? '') || titleOrder.compare(a.meta.title, b.meta.title));
    const unknown = this.grouping === 'outlet' ? unknownOutlet : unknownDate;
    const keys = [...groups.keys()].sort((a, b) => {
      if (a === unknown) return 1;
      if (b === unknown) return -1;
      return this.grouping === 'date' ? compareText(b, a) : titleOrder.compare(a, b);
    });
    return keys.map((key) => new GroupNode(key, sortArticles(groups.get(key) ?? [])));
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
