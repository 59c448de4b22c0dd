module example.com/benchstatfixture

go 1.21
