// The domain compiler's error texts quote values as Python's repr() does; the one
// implementation is src/orm/py-repr.ts.
export { leafRepr, pyRepr } from '../py-repr';
