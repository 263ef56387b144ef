/** Every conformance pack on S3 (conditional-PUT server) with the portable kernels. */
import { s3Conformance } from "./conformance-s3.js";
import { withKernels } from "./helpers.js";

withKernels("portable", "delta-s3/portable", (k) => s3Conformance("delta-s3/portable", k));
