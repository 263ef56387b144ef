/** Every conformance pack on S3 (conditional-PUT server) with the native kernels. */
import { s3Conformance } from "./conformance-s3.js";
import { withKernels } from "./helpers.js";

withKernels("native", "delta-s3/native", (k) => s3Conformance("delta-s3/native", k));
