/**
 * Answers the popup's "which terms are on this page?" from the marks that are on the page now
 * (not from a list kept at load time), so content the page removed since is not reported.
 */
import { isPageTermsRequest, type PageTermsResponse } from '@/glossary/messages';
import { readPageTerms } from './mark-contract';

/**
 * A runtime.onMessage listener body: a promise for the popup's request, `undefined` for any other
 * message so that other listeners may answer it.
 */
export function answerPageTerms(
  message: unknown,
  root: ParentNode,
): Promise<PageTermsResponse> | undefined {
  if (!isPageTermsRequest(message)) return undefined;
  return Promise.resolve(readPageTerms(root));
}
