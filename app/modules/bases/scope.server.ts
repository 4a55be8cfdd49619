import type { Prisma } from "~/generated/prisma/client.ts";
import { employerScope } from "../organizations/scope.ts";

type Tx = Pick<Prisma.TransactionClient, "membership">;

/**
 * The bases an operator manages: those of the verified organizations they are a member of. Inside
 * every operator query, so another operator's base or application is simply not found (404).
 */
export async function operatorBases(userId: number, db?: Tx): Promise<Prisma.IncubationBaseWhereInput> {
  const scope = await employerScope({ id: userId }, db);
  return { organizationId: { in: scope.organizationIds }, organization: { status: "verified" } };
}
