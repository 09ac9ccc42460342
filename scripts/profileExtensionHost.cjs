// Preloaded (NODE_OPTIONS=--require) into code-server's node processes when SOURCEBOOK_PROFILE_DIR
// is set: the extension host records a CPU profile into that folder, one file per 5 s
// (`extension-host-<pid>-<n>.cpuprofile`; the host is killed at the end of a run, so it cannot
// write one file on exit). Each cut costs the host ~150 ms, which shows up as a stall.
const folder = process.env.SOURCEBOOK_PROFILE_DIR;
const entry = `${process.env.VSCODE_ESM_ENTRYPOINT || ''} ${process.env.VSCODE_AMD_ENTRYPOINT || ''} ${process.argv.join(' ')}`;
// Worker threads (Sourcebook's engine) inherit the preload: each thread writes files of its own.
if (folder && /extensionHost/i.test(entry)) {
  const thread = require('node:worker_threads').isMainThread ? 'main' : `worker${require('node:worker_threads').threadId}`;
  const fs = require('node:fs');
  const path = require('node:path');
  const inspector = require('node:inspector');
  fs.mkdirSync(folder, { recursive: true });
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  let part = 0;
  const cut = () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) fs.writeFileSync(path.join(folder, `extension-host-${process.pid}-${thread}-${String(part++).padStart(3, '0')}.cpuprofile`), JSON.stringify(result.profile));
      session.post('Profiler.start');
    });
  };
  setInterval(cut, 5000).unref();
  process.on('exit', cut);
}
