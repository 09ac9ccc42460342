import * as vscode from 'vscode';
import type { Logger } from '../core/model';

/** The "Sourcebook" log output channel behind the core's Logger interface. */
export function createChannelLogger(channel: vscode.LogOutputChannel): Logger {
  return {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message) => channel.error(message),
  };
}
