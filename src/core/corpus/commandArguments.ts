import type { CorpusIndex } from './corpusIndex';
import type { Passage, Topic } from '../model';

/**
 * Command links in hovers are allowed by command id only, so every argument is checked here:
 * a passage or topic id must exist in the index. Tree nodes passed by context menus carry the
 * same ids. Nothing taken from an article (a path, a URL) is ever accepted as an argument.
 */
export function passageFromArgument(index: CorpusIndex, argument: unknown): Passage | undefined {
  const id = typeof argument === 'string' ? argument : idFromNode(argument);
  return id !== undefined && id.length < 200 ? index.passage(id) : undefined;
}

export function topicFromArgument(index: CorpusIndex, argument: unknown): Topic | undefined {
  if (typeof argument === 'string' && argument.length < 300) return index.topics().topicById(argument);
  if (isObject(argument) && isObject(argument.topic) && typeof argument.topic.id === 'string') return index.topics().topicById(argument.topic.id);
  return undefined;
}

function idFromNode(node: unknown): string | undefined {
  if (!isObject(node)) return undefined;
  if (isObject(node.passage) && typeof node.passage.id === 'string') return node.passage.id;
  if (isObject(node.mention) && typeof node.mention.passageId === 'string') return node.mention.passageId;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
