/**
 * Which policy documents IAM CreatePolicy accepts, and the MalformedPolicyDocument message for the others: the
 * facts moto's authors recorded against IAM (getmoto/moto tests/test_iam/test_iam_policies.py at b436f8e, 78
 * rejected and 50 accepted documents), written down here as data.
 */
const V = '2012-10-17';
const BUCKET = 'arn:aws:s3:::example_bucket';
const LIST: Record<string, unknown> = { Effect: 'Allow', Action: 's3:ListBucket', Resource: BUCKET };
const doc = (statement: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Version: V,
  Statement: statement,
  ...extra,
});
const withList = (fields: Record<string, unknown>): Record<string, unknown> => doc({ ...LIST, ...fields });
const condition = (block: unknown): Record<string, unknown> => withList({ Condition: block });

const SYNTAX = 'Syntax errors in policy.';
const VERSION = 'Policy document must be version 2012-10-17 or greater.';
const LEGACY = 'The policy failed legacy parsing';
const ACTIONS = 'Policy statement must contain actions.';
const RESOURCES = 'Policy statement must contain resources.';
const VENDOR = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
const ONE_COLON = 'Actions/Condition can contain only one colon.';
const arnFormat = (resource: string): string => `Resource ${resource} must be in ARN format or "*".`;

export const REJECTED: readonly (readonly [document: unknown, message: string])[] = [
  ['This is not a json document', SYNTAX],
  [{ Statement: LIST }, VERSION],
  [{ Version: '2008-10-17', Statement: LIST }, VERSION],
  [{ Version: '2013-10-17', Statement: LIST }, SYNTAX],
  [{ Version: V }, SYNTAX],
  [{ Version: V, Statement: ['afd'] }, SYNTAX],
  [doc(LIST, { 'Extra field': 'value' }), SYNTAX],
  [withList({ 'Extra field': 'value' }), SYNTAX],
  [doc(LIST, { Id: ['cd3a324d2343d942772346-34234234423404-4c2242343242349d1642ee'] }), SYNTAX],
  [doc(LIST, { Id: {} }), SYNTAX],
  [withList({ Effect: 'invalid' }), SYNTAX],
  [withList({ Action: 'invalid' }), VENDOR],
  [doc({ Effect: 'Allow', NotAction: '', Resource: BUCKET }), VENDOR],
  [withList({ Action: 'a a:ListBucket' }), 'Vendor a a is not valid'],
  [withList({ Action: 's3:List:Bucket' }), ONE_COLON],
  [
    doc([
      { ...LIST, Action: 's3s:ListBucket' },
      { ...LIST, Action: 's:3s:ListBucket' },
    ]),
    ONE_COLON,
  ],
  [withList({ Resource: 'invalid resource' }), arnFormat('invalid resource')],
  [
    doc([
      {
        Sid: 'EnableDisableHongKong',
        Effect: 'Allow',
        Action: ['account:EnableRegion', 'account:DisableRegion'],
        Resource: '',
        Condition: { StringEquals: { 'account:TargetRegion': 'ap-east-1' } },
      },
      { Sid: 'ViewConsole', Effect: 'Allow', Action: ['aws-portal:ViewAccount', 'account:ListRegions'], Resource: '' },
    ]),
    arnFormat(''),
  ],
  [withList({ Action: 's:3:ListBucket', Resource: 'sdfsadf' }), arnFormat('sdfsadf')],
  [withList({ Resource: ['adf'] }), arnFormat('adf')],
  [withList({ Resource: '' }), arnFormat('')],
  [
    doc({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:bsdfdsafsad' }),
    'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".',
  ],
  [
    doc({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:b:cadfsdf' }),
    'Partition "b" is not valid for resource "arn:b:cadfsdf:*:*:*".',
  ],
  [
    doc({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:b:c:d:e:f:g:h' }),
    'Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".',
  ],
  [withList({ Resource: 'aws:s3:::example_bucket' }), 'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".'],
  [
    withList({ Resource: ['arn:error:s3:::example_bucket', 'arn:error:s3::example_bucket'] }),
    'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".',
  ],
  [{ Version: V, Statement: [] }, SYNTAX],
  [doc({ Effect: 'Allow', Action: 's3:ListBucket' }), RESOURCES],
  [withList({ Resource: [] }), RESOURCES],
  [doc({ Effect: 'Allow', Action: 'invalid' }), RESOURCES],
  [doc({ Effect: 'Allow', Resource: BUCKET }), ACTIONS],
  [doc({ Action: 's3:ListBucket', Resource: BUCKET }), SYNTAX],
  [doc({ Effect: 'Allow' }), ACTIONS],
  [withList({ Action: [] }), ACTIONS],
  [doc([{ Effect: 'Deny' }, LIST]), ACTIONS],
  [
    withList({ Resource: 'arn:aws:iam:::example_bucket' }),
    'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  ],
  [withList({ Resource: 'arn:aws:s3::example_bucket' }), LEGACY],
  [doc({ Effect: 'Allow', Resource: 'arn:aws:s3::example_bucket' }), LEGACY],
  [withList({ Resource: 'arn:aws' }), 'Resource vendor must be fully qualified and cannot contain regexes.'],
  [withList({ Resource: { a: BUCKET } }), SYNTAX],
  [withList({ Effect: 'Deny', Resource: ['adfdf', {}] }), SYNTAX],
  [doc({ Effect: 'Allow', NotAction: 's3:ListBucket', Resource: BUCKET, NotResource: [] }), SYNTAX],
  [withList({ Effect: 'Deny', Action: [[]] }), SYNTAX],
  [doc({ Effect: 'Allow', NotAction: 's3s:ListBucket', Action: [], Resource: BUCKET }), SYNTAX],
  [withList({ Action: {} }), SYNTAX],
  [condition([]), SYNTAX],
  [condition('a'), SYNTAX],
  [condition({ a: 'b' }), SYNTAX],
  [condition({ DateGreaterThan: 'b' }), SYNTAX],
  [condition({ DateGreaterThan: [] }), SYNTAX],
  [condition({ DateGreaterThan: { a: {} } }), SYNTAX],
  [doc({ Effect: 'Allow', Resource: BUCKET, Condition: { DateGreaterThan: { a: {} } } }), SYNTAX],
  [condition({ x: { a: '1' } }), SYNTAX],
  [condition({ 'ForAnyValue::StringEqualsIfExists': { a: 'asf' } }), SYNTAX],
  [condition([{ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'Department' } }]), SYNTAX],
  [
    withList({ Resource: 'arn:aws:iam:us-east-1::example_bucket' }),
    'IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.',
  ],
  [
    withList({ Resource: 'arn:aws:s3:us-east-1::example_bucket' }),
    'Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.',
  ],
  [withList({ Sid: {} }), SYNTAX],
  [withList({ Sid: [] }), SYNTAX],
  [
    doc([
      { Sid: 'sdf', ...LIST },
      { Sid: 'sdf', Effect: 'Allow' },
    ]),
    'Statement IDs (SID) in a single policy must be unique.',
  ],
  [
    {
      Statement: [
        { Sid: 'sdf', ...LIST },
        { Sid: 'sdf', Effect: 'Allow' },
      ],
    },
    VERSION,
  ],
  [doc({ Effect: 'Allow', NotAction: 's3:ListBucket', Action: 'iam:dsf', Resource: BUCKET }), SYNTAX],
  [withList({ NotResource: '*' }), SYNTAX],
  [withList({ Effect: 'denY' }), LEGACY],
  [condition({ DateGreaterThan: { a: 'sdfdsf' } }), LEGACY],
  [{ Statement: { ...LIST, Condition: { DateGreaterThan: { a: 'sdfdsf' } } } }, VERSION],
  [{ Statement: { ...LIST, Effect: 'denY' } }, VERSION],
  [doc({ Effect: 'Allow', Condition: { DateGreaterThan: { a: 'sdfdsf' } } }), LEGACY],
  [doc({ Effect: 'Allow', NotAction: 's3:ListBucket', Resource: 'arn:aws::::example_bucket' }), LEGACY],
  [doc({ Effect: 'allow', Resource: 'arn:aws:s3:us-east-1::example_bucket' }), LEGACY],
  [
    doc([
      { Sid: 'sdf', ...LIST, Effect: 'aLLow' },
      { Sid: 'sdf', Effect: 'Allow' },
    ]),
    LEGACY,
  ],
  [doc({ Effect: 'Allow', Action: 's3:ListBucket', NotResource: 'arn:aws:s3::example_bucket' }), LEGACY],
  [condition({ DateLessThanEquals: { a: '234-13' } }), LEGACY],
  [condition({ DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+1' } }), LEGACY],
  [condition({ DateLessThanEquals: { a: '2016-12-13t2:00:00.1999999999+10:59' } }), LEGACY],
  [condition({ DateLessThan: { a: '9223372036854775808' } }), LEGACY],
  [withList({ Resource: 'arn:error:s3:::example_bucket', Condition: { DateGreaterThan: { a: 'sdfdsf' } } }), LEGACY],
  [withList({ Resource: 'arn:aws::fdsasf' }), LEGACY],
];

const SELF_MANAGE = (resourceName: string) => [
  {
    Sid: 'AllowManageOwnPasswords',
    Effect: 'Allow',
    Action: ['iam:ChangePassword', 'iam:GetUser'],
    Resource: resourceName,
  },
  {
    Sid: 'AllowManageOwnAccessKeys',
    Effect: 'Allow',
    Action: ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey'],
    Resource: resourceName,
  },
  {
    Sid: 'AllowManageOwnSigningCertificates',
    Effect: 'Allow',
    Action: ['iam:DeleteSigningCertificate', 'iam:ListSigningCertificates', 'iam:UpdateSigningCertificate', 'iam:UploadSigningCertificate'],
    Resource: resourceName,
  },
  {
    Sid: 'AllowManageOwnSSHPublicKeys',
    Effect: 'Allow',
    Action: ['iam:DeleteSSHPublicKey', 'iam:GetSSHPublicKey', 'iam:ListSSHPublicKeys', 'iam:UpdateSSHPublicKey', 'iam:UploadSSHPublicKey'],
    Resource: resourceName,
  },
  {
    Sid: 'AllowManageOwnGitCredentials',
    Effect: 'Allow',
    Action: [
      'iam:CreateServiceSpecificCredential',
      'iam:DeleteServiceSpecificCredential',
      'iam:ListServiceSpecificCredentials',
      'iam:ResetServiceSpecificCredential',
      'iam:UpdateServiceSpecificCredential',
    ],
    Resource: resourceName,
  },
];
const OWN_USER = 'arn:aws:iam::*:user/${aws:username}';
const CURRENT_TIME_2017 = {
  DateGreaterThan: { 'aws:CurrentTime': '2017-07-01T00:00:00Z' },
  DateLessThan: { 'aws:CurrentTime': '2017-12-31T23:59:59Z' },
};

export const ACCEPTED: readonly unknown[] = [
  withList({ Resource: [BUCKET] }),
  withList({ Action: 'iam: asdf safdsf af ' }),
  withList({ Resource: [BUCKET, '*'] }),
  withList({ Action: '*' }),
  doc([LIST]),
  doc({ Effect: 'Allow', Action: 'service-prefix:action-name', Resource: '*', Condition: CURRENT_TIME_2017 }),
  withList({ Action: 'fsx:ListBucket' }),
  withList({ Resource: 'arn:aws:iam:::user/example_bucket' }),
  withList({ Resource: 'arn:aws:s33:::example_bucket' }),
  withList({ Resource: 'arn:aws:fdsasf' }),
  condition({}),
  condition({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'Department' } }),
  withList({ Resource: 'arn:aws:cloudwatch:us-east-1::example_bucket' }),
  withList({ Resource: 'arn:aws:ec2:us-east-1::example_bucket' }),
  withList({ Resource: 'arn:aws:invalid-service:::example_bucket' }),
  withList({ Resource: 'arn:aws:invalid-service:us-east-1::example_bucket' }),
  condition(CURRENT_TIME_2017),
  condition({ DateGreaterThan: {} }),
  condition({ DateGreaterThan: { a: [] } }),
  condition({ a: {} }),
  withList({ Sid: 'dsfsdfsdfsdfsdfsadfsd' }),
  doc([
    {
      Sid: 'ConsoleDisplay',
      Effect: 'Allow',
      Action: ['iam:GetRole', 'iam:GetUser', 'iam:ListRoles', 'iam:ListRoleTags', 'iam:ListUsers', 'iam:ListUserTags'],
      Resource: '*',
    },
    {
      Sid: 'AddTag',
      Effect: 'Allow',
      Action: ['iam:TagUser', 'iam:TagRole'],
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:RequestTag/CostCenter': ['A-123', 'B-456'] },
        'ForAllValues:StringEquals': { 'aws:TagKeys': 'CostCenter' },
      },
    },
  ]),
  doc({ Effect: 'Allow', NotAction: 's3:ListBucket', Resource: BUCKET }),
  doc({ Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::HRBucket/Payroll', 'arn:aws:s3:::HRBucket/Payroll/*'] }),
  doc({ Effect: 'Allow', NotAction: 's3:ListBucket', Resource: BUCKET }, { Id: 'sdfsdfsdf' }),
  withList({ Action: 'aaaaaadsfdsafsadfsadfaaaaa:ListBucket' }),
  withList({ Action: 's3-s:ListBucket' }),
  withList({ Action: 's3.s:ListBucket' }),
  doc({ Effect: 'Allow', NotAction: 's3:ListBucket', NotResource: '*' }),
  doc([{ Sid: 'sdf', ...LIST }, LIST]),
  condition({ DateGreaterThan: { a: '01T' } }),
  condition({ x: {}, y: {} }),
  condition({ StringEqualsIfExists: { a: 'asf' } }),
  condition({ 'ForAnyValue:StringEqualsIfExists': { a: 'asf' } }),
  condition({ DateLessThanEquals: { a: '2019-07-01T13:20:15Z' } }),
  condition({ DateLessThanEquals: { a: '2016-12-13T21:20:37.593194+00:00' } }),
  condition({ DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+23' } }),
  condition({ DateLessThan: { a: '-292275054' } }),
  doc([
    {
      Sid: 'AllowViewAccountInfo',
      Effect: 'Allow',
      Action: ['iam:GetAccountPasswordPolicy', 'iam:GetAccountSummary', 'iam:ListVirtualMFADevices'],
      Resource: '*',
    },
    ...SELF_MANAGE(OWN_USER),
    {
      Sid: 'AllowManageOwnVirtualMFADevice',
      Effect: 'Allow',
      Action: ['iam:CreateVirtualMFADevice', 'iam:DeleteVirtualMFADevice'],
      Resource: 'arn:aws:iam::*:mfa/${aws:username}',
    },
    {
      Sid: 'AllowManageOwnUserMFA',
      Effect: 'Allow',
      Action: ['iam:DeactivateMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'],
      Resource: OWN_USER,
    },
    {
      Sid: 'DenyAllExceptListedIfNoMFA',
      Effect: 'Deny',
      NotAction: [
        'iam:CreateVirtualMFADevice',
        'iam:EnableMFADevice',
        'iam:GetUser',
        'iam:ListMFADevices',
        'iam:ListVirtualMFADevices',
        'iam:ResyncMFADevice',
        'sts:GetSessionToken',
      ],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ]),
  doc([
    {
      Sid: 'ListAndDescribe',
      Effect: 'Allow',
      Action: ['dynamodb:List*', 'dynamodb:DescribeReservedCapacity*', 'dynamodb:DescribeLimits', 'dynamodb:DescribeTimeToLive'],
      Resource: '*',
    },
    {
      Sid: 'SpecificTable',
      Effect: 'Allow',
      Action: [
        'dynamodb:BatchGet*',
        'dynamodb:DescribeStream',
        'dynamodb:DescribeTable',
        'dynamodb:Get*',
        'dynamodb:Query',
        'dynamodb:Scan',
        'dynamodb:BatchWrite*',
        'dynamodb:CreateTable',
        'dynamodb:Delete*',
        'dynamodb:Update*',
        'dynamodb:PutItem',
      ],
      Resource: 'arn:aws:dynamodb:*:*:table/MyTable',
    },
  ]),
  doc([
    {
      Effect: 'Allow',
      Action: ['ec2:AttachVolume', 'ec2:DetachVolume'],
      Resource: ['arn:aws:ec2:*:*:volume/*', 'arn:aws:ec2:*:*:instance/*'],
      Condition: { ArnEquals: { 'ec2:SourceInstanceARN': 'arn:aws:ec2:*:*:instance/instance-id' } },
    },
  ]),
  doc([
    {
      Effect: 'Allow',
      Action: ['ec2:AttachVolume', 'ec2:DetachVolume'],
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringEquals: { 'ec2:ResourceTag/Department': 'Development' } },
    },
    {
      Effect: 'Allow',
      Action: ['ec2:AttachVolume', 'ec2:DetachVolume'],
      Resource: 'arn:aws:ec2:*:*:volume/*',
      Condition: { StringEquals: { 'ec2:ResourceTag/VolumeUser': '${aws:username}' } },
    },
  ]),
  doc([
    {
      Sid: 'StartStopIfTags',
      Effect: 'Allow',
      Action: ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:DescribeTags'],
      Resource: 'arn:aws:ec2:region:account-id:instance/*',
      Condition: { StringEquals: { 'ec2:ResourceTag/Project': 'DataAnalytics', 'aws:PrincipalTag/Department': 'Data' } },
    },
  ]),
  doc([
    {
      Sid: 'ListYourObjects',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: ['arn:aws:s3:::bucket-name'],
      Condition: { StringLike: { 's3:prefix': ['cognito/application-name/${cognito-identity.amazonaws.com:sub}'] } },
    },
    {
      Sid: 'ReadWriteDeleteYourObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: [
        'arn:aws:s3:::bucket-name/cognito/application-name/${cognito-identity.amazonaws.com:sub}',
        'arn:aws:s3:::bucket-name/cognito/application-name/${cognito-identity.amazonaws.com:sub}/*',
      ],
    },
  ]),
  doc([
    { Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'], Resource: '*' },
    {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::bucket-name',
      Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:userid}/*'] } },
    },
    {
      Effect: 'Allow',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::bucket-name/home/${aws:userid}', 'arn:aws:s3:::bucket-name/home/${aws:userid}/*'],
    },
  ]),
  doc([
    {
      Sid: 'ConsoleAccess',
      Effect: 'Allow',
      Action: [
        's3:GetAccountPublicAccessBlock',
        's3:GetBucketAcl',
        's3:GetBucketLocation',
        's3:GetBucketPolicyStatus',
        's3:GetBucketPublicAccessBlock',
        's3:ListAllMyBuckets',
      ],
      Resource: '*',
    },
    { Sid: 'ListObjectsInBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: ['arn:aws:s3:::bucket-name'] },
    { Sid: 'AllObjectActions', Effect: 'Allow', Action: 's3:*Object', Resource: ['arn:aws:s3:::bucket-name/*'] },
  ]),
  doc([
    {
      Sid: 'AllowViewAccountInfo',
      Effect: 'Allow',
      Action: ['iam:GetAccountPasswordPolicy', 'iam:GetAccountSummary'],
      Resource: '*',
    },
    ...SELF_MANAGE(OWN_USER),
  ]),
  doc([{ Action: 'ec2:*', Resource: '*', Effect: 'Allow', Condition: { StringEquals: { 'ec2:Region': 'region' } } }]),
  doc([
    { Effect: 'Allow', Action: 'rds:*', Resource: ['arn:aws:rds:region:*:*'] },
    { Effect: 'Allow', Action: ['rds:Describe*'], Resource: ['*'] },
  ]),
  doc([
    { Sid: '', Effect: 'Allow', Action: 'rds:*', Resource: ['arn:aws:rds:region:*:*'] },
    { Sid: '', Effect: 'Allow', Action: ['rds:Describe*'], Resource: ['*'] },
  ]),
];
