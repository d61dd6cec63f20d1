/**
 * CSV ingest for `/train`: real-world files in, a cleaned Dataset out, plus the Preprocessor
 * that the training code fits on its training split. See ./ingest.ts for the pipeline.
 */
export { ingestCsv, type Dataset, type IngestOptions } from './ingest.js';
export { Preprocessor, type PreprocessorJSON, type ColumnEncoding, type EncodedMatrix } from './encode.js';
export { DEFAULT_LIMITS, checkDeclaredSize, resolveLimits, formatBytes, type Limits } from './limits.js';
export type { ColumnInfo, DropReason, FeatureValue } from './columns.js';
export type { TargetInfo, Task } from './target.js';
export { msg as csvMessages, type CsvMessageKey } from './messages.js';
export { decodeBytes, type DecodedText } from './decode.js';
export { detectDelimiter, DELIMITERS, type Delimiter } from './delimiter.js';
export { isMissing, isInfinite, parseNumber, MISSING_TOKENS } from './values.js';
