/**
 * The activation registry: one entry per function with f, f', names, formulas, properties and
 * teaching notes. This is the module everything else imports.
 */
export type { Activation, ActivationProperties, Formula } from './types.js';
export { ACTIVATIONS, ACTIVATION_IDS } from './registry.js';
export { findActivation, getActivation, normalizeActivationName, suggestActivations } from './lookup.js';
export { erf, erfc } from './erf.js';
export { bipolarRelu, bipolarReluDerivative } from './bipolar-relu.js';
export { logistic, softplusStable } from './stable-math.js';
