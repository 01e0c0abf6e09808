export * from './field-rules';
export { resourcesPropProblems, ResourceQuantityProps } from './quantity-fields';
export { IMAGE_REFERENCE_RULE, imageReferenceError } from './image-reference';
export { envVarNameVerdict, RELAXED_ENV_VAR_NAMES_SINCE, RELAXED_ENV_VAR_NAME_RULE, STRICT_ENV_VAR_NAME_RULE } from './env-var-name';
