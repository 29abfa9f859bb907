// What to tell the user when publishing fails, by error code (never by message text).
import type { IpcError } from '../ipc/types';

export function publishAdvice(error: IpcError): string {
  switch (error.code) {
    case 'uncommitted_changes':
      return 'The repository has changes that are not committed yet. Commit or stash them (git status shows them), then publish again: Meshwright only commits its own files on a clean tree.';
    case 'not_found':
      return 'Choose a folder inside a git working tree (a clone of your repository), or check that the branch exists.';
    case 'invalid_argument':
      return 'Check the branch name and the sub-folder: the sub-folder must stay inside the repository.';
    case 'io':
      return 'Meshwright could not write to the repository or run git. Check that git is installed and the folder is writable.';
    default:
      return 'Nothing was committed. Fix the problem above and publish again.';
  }
}
