import type * as vscode from 'vscode';

/** Anything that can be told the writer is waiting for an answer (see `BackgroundTurns`). */
export interface InteractionListener {
  noteInteraction(): void;
}

type HoverOrCompletion = vscode.HoverProvider | vscode.CompletionItemProvider;

/**
 * The same provider, but every request first tells `listener` that the writer is waiting, so
 * background rebuilds hold back while the answer and the messages around it go out.
 */
export function notingInteractions<P extends HoverOrCompletion>(provider: P, listener: InteractionListener): P {
  return new Proxy(provider, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if ((property === 'provideHover' || property === 'provideCompletionItems') && typeof value === 'function') {
        return (...args: unknown[]) => {
          listener.noteInteraction();
          return (value as (...callArgs: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
}
