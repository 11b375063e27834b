// Types of schema-validator.generated.js (ajv standalone code for fixline.schema.json).
import type { ErrorObject } from 'ajv'

export interface SchemaValidator {
  /** Validates `data` in place (fills in the schema's defaults); errors are left on `.errors`. */
  (data: unknown): boolean
  errors?: ErrorObject[] | null
}

export declare const validate: SchemaValidator
export default validate
