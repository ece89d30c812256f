/** The payload type of each job of an area, read off the area's map of payload classes. */
export type PayloadsOf<Classes extends Record<string, new () => object>> = {
  [Name in keyof Classes]: InstanceType<Classes[Name]>;
};
