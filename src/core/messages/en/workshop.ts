/** The workshop labs. */
export default {
  'workshop.keyNotInLab': 'the private key of {name} is not in this lab (reset the lab and make it again)',
  'workshop.noCa': 'no CA with id {id}',
  'workshop.nothingToPrint': 'nothing to print',
  'workshop.noStep': 'no step {step} in lab {lab}',
  'workshop.earlierStepsFirst': 'do the earlier steps first: {missing} is missing',
  'workshop.notMadeYet': '{name} has not been made yet: do the earlier step first',
} as const;
