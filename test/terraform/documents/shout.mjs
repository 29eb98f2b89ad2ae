// The behaviour of the Terraform document's Lambda function (Terraform gives no inline code): upper-cases its input.
export async function handler(event) {
  return event.node.inputs.find((i) => i.name === 'playlist').value.toUpperCase();
}
