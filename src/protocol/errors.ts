/**
 * The one place AWS errors are built and rendered. Every failure a client can see is an AwsError: renderError turns
 * it into a restJson1 error (status, x-amzn-ErrorType, {message}) for every writer (fastify's reply, the raw-socket
 * answers of src/server/dual-protocol.ts), and src/protocol/eventstream.ts frames it inside an event stream.
 * test/protocol/one-error-writer.test.ts keeps it that way.
 */
export class AwsError extends Error {
  constructor(
    /** The error shape name, e.g. `ResourceNotFoundException`. */
    readonly type: string,
    readonly statusCode: number,
    message: string,
    /** Modelled extra members (e.g. `resourceName`, `fieldList`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = type;
  }

  body(): Record<string, unknown> {
    return { message: this.message, ...this.extra };
  }
}

/** What goes on the wire for an error, whoever writes it (restJson1: the type travels in x-amzn-errortype). */
export interface RenderedError {
  status: number;
  headers: { 'x-amzn-errortype': string; 'content-type': 'application/json' };
  body: string;
}

export function renderError(error: AwsError): RenderedError {
  return {
    status: error.statusCode,
    headers: { 'x-amzn-errortype': error.type, 'content-type': 'application/json' },
    body: JSON.stringify(error.body()),
  };
}

const NOT_FOUND_MESSAGE = "Failed to retrieve resource because it doesn't exist. Retry the request with a different resource identifier.";

export const validationException = (message: string, extra?: Record<string, unknown>) =>
  new AwsError('ValidationException', 400, message, extra);

/**
 * An identifier of the right characters that cannot name a flow alias (the runtime model lets any `[0-9a-zA-Z]+`
 * through): the service's own check, quoted from a real InvokeFlow answer (docs/behaviour.md#identifiers).
 */
export const invalidFlowAliasIdentifier = () =>
  validationException('The FlowAliasIdentifier is invalid. Please use a valid Flow Alias Arn or Id.');

/** The same check for flow identifiers; its wording is derived from the alias one (docs/behaviour.md#identifiers). */
export const invalidFlowIdentifier = () => validationException('The FlowIdentifier is invalid. Please use a valid Flow Arn or Id.');

/** A body past the server's limit: AWS answers ValidationException with 413. */
export const requestTooLarge = () => new AwsError('ValidationException', 413, 'Request entity too large.');

/** Answered on the raw socket before any route runs (src/server/dual-protocol.ts). */
export const headerFieldsTooLarge = () => new AwsError('RequestHeaderFieldsTooLarge', 431, 'Request header fields too large.');
export const requestTimeout = () => new AwsError('RequestTimeoutException', 408, 'The request was not received within the time limit.');

export const serialization = (message: string) => new AwsError('SerializationException', 400, message);

export const notFound = (message: string = NOT_FOUND_MESSAGE) => new AwsError('ResourceNotFoundException', 404, message);

export const conflict = (message: string) => new AwsError('ConflictException', 409, message);

export const accessDenied = (message: string) => new AwsError('AccessDeniedException', 403, message);

/** ServiceQuotaExceededException is 402 on bedrock-agent and 400 on bedrock-agent-runtime (the models say so). */
export const quotaExceeded = (message: string, runtime = false) =>
  new AwsError('ServiceQuotaExceededException', runtime ? 400 : 402, message);

export const unrecognizedClient = () =>
  new AwsError('UnrecognizedClientException', 403, 'The security token included in the request is invalid.');

export const invalidSignature = (message: string) => new AwsError('InvalidSignatureException', 403, message);

/** A SigV4 Authorization header or date that is malformed or incomplete (AWS answers 400, not 403, for these). */
export const incompleteSignature = (message: string) => new AwsError('IncompleteSignatureException', 400, message);

export const missingAuthentication = () => new AwsError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');

export const unknownOperation = () => new AwsError('UnknownOperationException', 404, 'UnknownOperationException');

export const internal = (message = 'Internal server error') => new AwsError('InternalServerException', 500, message);
/** A flow run that threw (a bug, not a node's failure): what its stream, its execution and its run record say. */
export const flowRunCrashed = (err: Error) => internal(`The flow run failed: ${err.message}`);

/** A bound on concurrent work was hit; the caller may retry (429 on both Bedrock Agents APIs). */
export const throttling = (message: string) => new AwsError('ThrottlingException', 429, message);

/** bedrock-agent-runtime: a downstream service (Lambda, STS, a model…) failed; `resourceName` names it. */
export const dependencyFailed = (message: string, resourceName: string) =>
  new AwsError('DependencyFailedException', 424, message, { resourceName });

/**
 * A Lambda node's function ran past its timeout: the wording the flow-executions user guide shows for it
 * (docs/behaviour.md#failures-during-a-run); executions also list it as an `ExecutionTimedOut` error.
 */
export const LAMBDA_TIMED_OUT = 'Call to lambda function timed out';
export const lambdaTimedOut = (functionArn: string) => dependencyFailed(LAMBDA_TIMED_OUT, functionArn);
export const isLambdaTimeout = (error: AwsError) => error.type === 'DependencyFailedException' && error.message === LAMBDA_TIMED_OUT;

/**
 * A model backend (docs/models.md) failed or timed out: the in-stream dependencyFailedException, the FlowResponseStream
 * member for a failed downstream service, naming the model. The sentences are Bedrock Runtime's ModelErrorException
 * and ModelTimeoutException wording (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html),
 * then the emulator's reason.
 */
export const modelFailed = (modelArn: string, reason: string) =>
  dependencyFailed(`The request failed due to an error while processing the model. (Emulator: ${reason}.)`, modelArn);
export const modelTimedOut = (modelArn: string, reason: string) =>
  dependencyFailed(
    `The request took too long to process. Processing time exceeded the model timeout length. (Emulator: ${reason}.)`,
    modelArn,
  );
/** A backend answering 429: the in-stream throttlingException, so a client's retry handling sees a model throttle. */
export const modelThrottled = (reason: string) =>
  throttling(`Your request was denied due to exceeding the account quotas for Amazon Bedrock. (Emulator: ${reason}.)`);

/** The status-gated ConflictException template real Bedrock uses (docs/behaviour.md#status-gated-conflicts). */
export const wrongStatus = (operation: string, status: string) =>
  conflict(
    `Couldn't perform ${operation} operation. The resource that you specified is currently in status ${status}. ` +
      'Retry your request after the resource changes to a valid status.',
  );

/** Count quotas, in Bedrock's quota-error wording (docs/behaviour.md#quotas). */
export const quota = (operation: string, quotaName: string, max: number, requested: number) =>
  quotaExceeded(
    `${operation}Request caught an error. Validation failed for quota ${quotaName}. The maximum number of resources is ` +
      `${max}, but account *** requested ${requested} resources. Retry the request with fewer resources.`,
  );

/** The admin endpoints (`/_emulator/*`) are not AWS operations, but answer in the same shape (README, Emulator control endpoints). */
export const adminTokenRequired = () =>
  new AwsError('UnauthorizedException', 401, 'This endpoint needs the admin token: Authorization: Bearer <token>.');

/** A fixture document refused: which file (or label), where in it, and why; the same fields as FixtureError. */
export const fixtureRejected = (problem: { message: string; file: string; path: string; reason: string }) =>
  new AwsError('FixtureError', 400, problem.message, { file: problem.file, path: problem.path, reason: problem.reason });

/** GET /_emulator/s3/{bucket}/{key}: S3's own error codes for a missing bucket or key. */
export const noSuchBucket = (bucket: string) => new AwsError('NoSuchBucket', 404, `The specified bucket does not exist: ${bucket}`);
export const noSuchKey = (key: string) => new AwsError('NoSuchKey', 404, `The specified key does not exist: ${key}`);

/**
 * What a fault rule can inject (docs/faults.md), in the wording of the API references' error descriptions
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html and each operation's Errors section);
 * a model's throttling repeats what Bedrock's runtime answers for it. `agent`/`runtime`: the status on each API
 * (ServiceQuotaExceededException differs, see quotaExceeded); absent: the API does not define it.
 */
export const INJECTABLE_ERRORS: Readonly<Record<string, { agent?: number; runtime?: number; message: string; inStream?: boolean }>> = {
  ThrottlingException: {
    agent: 429,
    runtime: 429,
    message: 'The number of requests exceeds the limit. Resubmit your request later.',
    inStream: true,
  },
  ServiceQuotaExceededException: {
    agent: 402,
    runtime: 400,
    message: 'The number of requests exceeds the service quota. Resubmit your request later.',
    inStream: true,
  },
  InternalServerException: { agent: 500, runtime: 500, message: 'An internal server error occurred. Retry your request.', inStream: true },
  ServiceUnavailableException: { agent: 503, runtime: 503, message: 'The request has failed due to a temporary failure of the server.' },
  DependencyFailedException: {
    runtime: 424,
    message: 'There was an issue with a dependency. Check the resource configurations and retry the request.',
    inStream: true,
  },
  BadGatewayException: {
    runtime: 502,
    message: 'There was an issue with a dependency due to a server issue. Retry your request.',
    inStream: true,
  },
  ValidationException: {
    agent: 400,
    runtime: 400,
    message: 'Input validation failed. Check your request parameters and retry the request.',
  },
  AccessDeniedException: { agent: 403, runtime: 403, message: 'The request is denied because of missing access permissions.' },
  ResourceNotFoundException: { agent: 404, runtime: 404, message: NOT_FOUND_MESSAGE },
  ConflictException: { agent: 409, runtime: 409, message: 'There was a conflict performing an operation.' },
};

/** The throttling text Bedrock's runtime gives for a model (InvokeModel, Converse): what a flow's model call sees. */
export const MODEL_THROTTLED = 'Too many requests, please wait before trying again.';

/** An injected error: `downstream` names the resource a node called (DependencyFailed/BadGateway carry it). */
export function injectedError(type: string, runtime: boolean, message?: string, downstream?: string): AwsError {
  const spec = INJECTABLE_ERRORS[type]!;
  const status = (runtime ? spec.runtime : spec.agent) ?? spec.runtime ?? spec.agent ?? 500;
  const extra =
    downstream && (type === 'DependencyFailedException' || type === 'BadGatewayException') ? { resourceName: downstream } : undefined;
  return new AwsError(type, status, message ?? spec.message, extra);
}

/** --throttle: past AWS's documented request rate for the operation (docs/faults.md#aws-request-rates). */
export const rateExceeded = () => throttling(INJECTABLE_ERRORS.ThrottlingException!.message);
