import * as vscode from 'vscode';
import type { BackgroundTurns } from '../core/scheduling/backgroundTurns';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { DerivedIndexes } from '../core/derived/derivedIndexes';
import { prepareTopicCardsInSlices } from '../core/present/topicCard';
import { runCooperatively, TimeSlice } from '../core/scheduling/timeSlice';
import { FigureHoverProvider } from './figureHoverProvider';
import { MisquoteQuickFix } from './misquoteQuickFix';
import { notingInteractions } from './notingInteractions';
import { PassageHoverProvider, type ArchiveCards } from './passageHoverProvider';
import { TopicCompletionProvider } from './topicCompletionProvider';

/**
 * After each rebuild, works out in the background (in turns with the writer's requests) what the
 * hover cards of the new topics cost on first sight, so the first hover does not pay for it.
 */
function prepareCardsAfterEachBuild(index: CorpusIndex, derived: DerivedIndexes, turns: BackgroundTurns): () => void {
  return derived.onDidUpdate((snapshot) => {
    const clock = new TimeSlice(8);
    void runCooperatively(prepareTopicCardsInSlices(snapshot.topics.topics(), index, clock), clock, {
      yieldNow: turns.yieldNow,
      isCancelled: () => derived.current() !== snapshot,
    });
  });
}

/** Every document Sourcebook may hover: the language settings decide per document. */
const anyDocument: vscode.DocumentSelector = [{ scheme: '*', language: 'markdown' }, { scheme: '*', language: 'plaintext' }, { scheme: '*', pattern: '**/*' }];
const drafts: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];

/**
 * The features that live in the writer's editor: the topic hover card and completion, the
 * figure hover and the misquote quick fix. Hovers and completion note the writer's request,
 * so background work on the extension host holds back while they answer.
 */
export function registerEditorFeatures(index: CorpusIndex, derived: DerivedIndexes, turns: BackgroundTurns, archive?: ArchiveCards): vscode.Disposable[] {
  return [
    { dispose: prepareCardsAfterEachBuild(index, derived, turns) },
    vscode.languages.registerHoverProvider(anyDocument, notingInteractions(new PassageHoverProvider(index, archive), turns)),
    vscode.languages.registerCompletionItemProvider(anyDocument, notingInteractions(new TopicCompletionProvider(index), turns)),
    vscode.languages.registerHoverProvider(drafts, notingInteractions(new FigureHoverProvider(index, derived), turns)),
    vscode.languages.registerCodeActionsProvider(drafts, new MisquoteQuickFix(index, derived), { providedCodeActionKinds: MisquoteQuickFix.providedCodeActionKinds }),
  ];
}
