import { defineRoute } from '../src/server/route.js';
import { ListTagsForResource } from '../src/operations/tags/ListTagsForResource.js';
import { TagResource } from '../src/operations/tags/TagResource.js';
import { UntagResource } from '../src/operations/tags/UntagResource.js';
import { taggedResource } from './resources.js';

export default [
  defineRoute('TagResource', { action: 'bedrock:TagResource', resource: taggedResource, requestTags: (i) => i.tags, handler: TagResource }),
  defineRoute('UntagResource', {
    action: 'bedrock:UntagResource',
    resource: taggedResource,
    tagKeys: (i) => i.tagKeys,
    handler: UntagResource,
  }),
  defineRoute('ListTagsForResource', { action: 'bedrock:ListTagsForResource', resource: taggedResource, handler: ListTagsForResource }),
];
