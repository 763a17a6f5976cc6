namespace GrokContracts.Generators.Tests;
