/** Shared wording of findings and the report: how a user's text joins the clause that follows it. */

/** Punctuation a cell may end with that the next clause replaces, so nothing reads 「。，」 or 「。：」. */
export const TRAILING_PUNCTUATION = /[\s。．.，,；;：:、！!？?]+$/u;

/** A user's text as a clause: trimmed, without the 。 or ； it ended with ("…措施。" → "…措施"). */
export const clause = (text: string): string => text.trim().replace(TRAILING_PUNCTUATION, "");
